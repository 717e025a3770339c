package dev.crashwatch.watchdog.store.counters;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Names counter files in the shape of Go's {@code prog@version-goversion-os-arch-date.v1.count}:
 * {@code prog@version-javaversion-os-arch-YYYY-MM-DD.v1.json}. Each part keeps only {@code [A-Za-z0-9._+-]}
 * (anything else becomes {@code _}) and at most 64 characters, so the name is safe on every file system but
 * not always unique: the key inside the file is the truth, and when two keys meet on one name the second
 * takes the next free {@code ~2}, {@code ~3}... name.
 */
public final class CounterFileNames {
    static final String SUFFIX = ".v1.json";
    /** The lock file every writer of the counter directory holds (see {@code DirectoryLock}). */
    public static final String LOCK_FILE = "counters.lock";
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._+-]");
    private static final int MAX_PART = 64;

    private CounterFileNames() {
    }

    /** The {@code n}-th candidate file (1 = the plain name) for {@code key} in {@code dir}. */
    static Path candidate(Path dir, CounterFileKey key, int n) {
        String base = part(key.program()) + "@" + part(key.version()) + "-" + part(key.javaVersion()) + "-"
                + part(key.os()) + "-" + part(key.arch()) + "-" + key.weekStart();
        return dir.resolve(base + (n == 1 ? "" : "~" + n) + SUFFIX);
    }

    /** True for a counter file's name (not a lock, temporary or set-aside file). */
    static boolean isCounterFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SUFFIX) && !name.startsWith(".");
    }

    public static String part(String value) {
        String safe = UNSAFE.matcher(value).replaceAll("_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "_" + safe;
        }
        return safe.length() > MAX_PART ? safe.substring(0, MAX_PART) : safe;
    }
}
