package dev.crashwatch.fleet.config;

import java.util.List;

/**
 * One program of the upload config: the program name pattern, the version patterns it may upload, and the
 * fraction of reports that are sent at all ({@code 1.0}: every report, {@code 0.0}: none).
 */
public record ProgramRule(NamePattern name, List<NamePattern> versions, double sampleRate) {
    public ProgramRule {
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("program '" + name + "' has no versions");
        }
        if (!(sampleRate >= 0.0 && sampleRate <= 1.0)) {
            throw new IllegalArgumentException("program '" + name + "' has a sampleRate outside 0..1");
        }
    }

    /** True if this rule is about {@code program}. */
    public boolean covers(String program) {
        return name.matches(program);
    }

    /** True if {@code version} matches one of the version patterns. */
    public boolean allowsVersion(String version) {
        return versions.stream().anyMatch(p -> p.matches(version));
    }
}
