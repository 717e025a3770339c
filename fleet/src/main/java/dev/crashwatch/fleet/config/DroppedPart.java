package dev.crashwatch.fleet.config;

/**
 * A part of a report that the upload config did not let through: a whole entry (then {@code counter} is null) or
 * one counter of an entry, with the reason in a few words.
 */
public record DroppedPart(String program, String version, String counter, String reason) {
    static final String PROGRAM = "program not in the config";
    static final String VERSION = "version not in the config";
    static final String PREFIX = "counter prefix not in the config";
    static final String DEPTH = "frames past the stack depth cut";
}
