package dev.crashwatch.watchdog.store;

import java.time.LocalDate;

/**
 * What one counter file is about: one program at one version, on one Java version, OS and arch, for one
 * week (the shape of Go's {@code prog@version-goversion-os-arch-date.v1.count}).
 *
 * @param weekStart the Monday (UTC) that starts the file's week
 */
public record CounterFileKey(String program, String version, String javaVersion, String os, String arch,
                             LocalDate weekStart) {
}
