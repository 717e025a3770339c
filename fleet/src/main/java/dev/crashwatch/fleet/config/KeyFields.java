package dev.crashwatch.fleet.config;

import dev.crashwatch.watchdog.weekly.ReportEntry;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an uploaded entry's key may hold: program, version, Java version, OS and arch of 1 to 64 letters, digits and
 * {@code . _ + ~ -} — the characters a counter file's name keeps unchanged ({@code docs/store.md}), so nothing but a
 * name or a version number leaves the machine in them. The collector refuses an entry that breaks it.
 */
public final class KeyFields {
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._+~-]{1,64}");

    private KeyFields() {
    }

    /** Which field breaks the rule, in words that quote none of it; empty if none does. */
    public static Optional<String> violation(ReportEntry e) {
        String[][] fields = {{"program", e.program()}, {"version", e.version()}, {"javaVersion", e.javaVersion()},
                {"os", e.os()}, {"arch", e.arch()}};
        for (String[] f : fields) {
            if (!VALUE.matcher(f[1]).matches()) {
                return Optional.of("entry field '" + f[0] + "' must be 1 to 64 of letters, digits and . _ + ~ -");
            }
        }
        return Optional.empty();
    }
}
