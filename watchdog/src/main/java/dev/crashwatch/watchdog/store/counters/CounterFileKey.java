package dev.crashwatch.watchdog.store.counters;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What one counter file is about: one program at one version, on one Java version, OS and arch, for one
 * week (the shape of Go's {@code prog@version-goversion-os-arch-date.v1.count}).
 *
 * @param weekStart the Monday (UTC) that starts the file's week
 */
public record CounterFileKey(String program, String version, String javaVersion, String os, String arch,
                             LocalDate weekStart) {

    // equals and hashCode written out: a record's generated ones are bootstrapped (invokedynamic) at first use,
    // and the first use is on a crash's way to its counter.

    @Override
    public boolean equals(Object o) {
        return o instanceof CounterFileKey k && Objects.equals(program, k.program)
                && Objects.equals(version, k.version) && Objects.equals(javaVersion, k.javaVersion)
                && Objects.equals(os, k.os) && Objects.equals(arch, k.arch) && Objects.equals(weekStart, k.weekStart);
    }

    @Override
    public int hashCode() {
        return Objects.hash(program, version, javaVersion, os, arch, weekStart);
    }
}
