package dev.crashwatch.watchdog.store;

import dev.crashwatch.watchdog.store.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The store's {@code host-facts} file: this machine's {@link HostFacts}, computed once with oshi and kept as
 * {@code key=value} lines a person can read, with the cheap facts they were computed under (the JVM's
 * {@code os.name}, {@code os.version}, {@code os.arch}; on Linux the time {@code /etc/os-release} was last
 * changed). While those are the same, the file answers and oshi is never loaded; when one differs (an OS or
 * kernel upgrade) or the file is missing or unreadable, the facts are computed again and the file replaced
 * atomically. The file is only a cache: deleting or damaging it costs one recomputation, never a count.
 */
final class HostFactsFile {
    static final String NAME = "host-facts";
    private static final String OS = "os";
    private static final String ARCH = "arch";
    private static final String OS_RELEASE = "/etc/os-release";
    private static final Map<Path, HostFacts> KNOWN = new HashMap<>();

    private HostFactsFile() {
    }

    /** This machine's facts for the store whose file is {@code file}: read once per JVM, computed when stale. */
    static synchronized HostFacts facts(Path file) {
        HostFacts facts = KNOWN.get(file);
        if (facts == null) {
            facts = readOrCompute(file, cheapFacts());
            KNOWN.put(file, facts);
        }
        return facts;
    }

    /**
     * The facts in {@code file} if it was written under {@code cheap}; else computed with oshi and written (a
     * store that cannot be written still gets the facts).
     */
    static HostFacts readOrCompute(Path file, Map<String, String> cheap) {
        HostFacts kept = read(file, cheap);
        if (kept != null) {
            return kept;
        }
        HostFacts computed = OshiHostFacts.detect();
        try {
            AtomicFiles.replace(file, format(cheap, computed).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // Only a cache: the next crash computes the facts again.
        }
        return computed;
    }

    /** The cheap facts that change with an OS upgrade: the JVM's os properties, and os-release's time on Linux. */
    static Map<String, String> cheapFacts() {
        Map<String, String> cheap = new LinkedHashMap<>();
        cheap.put("os.name", System.getProperty("os.name", ""));
        cheap.put("os.version", System.getProperty("os.version", ""));
        cheap.put("os.arch", System.getProperty("os.arch", ""));
        if (cheap.get("os.name").startsWith("Linux")) {
            String changed;
            try {
                changed = Files.getLastModifiedTime(Path.of(OS_RELEASE)).toString();
            } catch (IOException | RuntimeException e) {
                changed = "none";
            }
            cheap.put(OS_RELEASE, changed);
        }
        return cheap;
    }

    static String format(Map<String, String> cheap, HostFacts facts) {
        StringBuilder text = new StringBuilder()
                .append("# crashwatch: this machine's OS and arch as counter files name them, computed once.\n")
                .append("# Computed again when a line above '").append(OS).append("' no longer matches (an OS upgrade).\n")
                .append("# Only a cache: delete it any time.\n");
        for (Map.Entry<String, String> e : cheap.entrySet()) {
            text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return text.append(OS).append('=').append(facts.os()).append('\n')
                .append(ARCH).append('=').append(facts.arch()).append('\n').toString();
    }

    /** The facts in {@code file}, or null when it is missing, unreadable, malformed or computed under other facts. */
    private static HostFacts read(Path file, Map<String, String> cheap) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        for (Map.Entry<String, String> e : cheap.entrySet()) {
            if (!e.getValue().equals(fields.get(e.getKey()))) {
                return null;
            }
        }
        String os = fields.get(OS);
        String arch = fields.get(ARCH);
        return plain(os) && plain(arch) ? new HostFacts(os, arch) : null;
    }

    /** A value oshi's facts can have: lower-case letters, digits, underscores and inner dashes, not empty. */
    private static boolean plain(String value) {
        if (value == null || value.isEmpty() || value.startsWith("-") || value.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
