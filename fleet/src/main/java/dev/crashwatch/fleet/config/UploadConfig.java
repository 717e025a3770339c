package dev.crashwatch.fleet.config;

import dev.crashwatch.watchdog.signature.CounterNames;
import dev.crashwatch.watchdog.signature.NameGrammar;
import java.util.List;
import java.util.Optional;

/**
 * What may leave a machine ({@code docs/upload.md}, "Upload config"): the programs and their versions, the counter
 * name prefixes, the number of frames a stack counter keeps, and each program's sample rate. Read and written by
 * {@link UploadConfigJson}; applied to a whole report by {@link ReportFilter}.
 *
 * @param programs        the first rule whose name pattern matches a program decides about it
 * @param counterPrefixes a counter is allowed if its first line starts with one of these
 * @param stackDepth      frames kept in a stack counter's name (1..16)
 */
public record UploadConfig(List<ProgramRule> programs, List<String> counterPrefixes, int stackDepth) {
    /** The value of the config's {@code format} field. */
    public static final String FORMAT = "crashwatch-upload-config/v1";
    /** The most frames a name has (docs/signatures.md, rule 8), so the largest useful depth. */
    public static final int MAX_STACK_DEPTH = 16;
    /** The line that ends a stack name whose frames were cut to the depth (docs/signatures.md, rule 8). */
    public static final String GAP = NameGrammar.GAP;

    public UploadConfig {
        programs = List.copyOf(programs);
        counterPrefixes = List.copyOf(counterPrefixes);
        if (stackDepth < 1 || stackDepth > MAX_STACK_DEPTH) {
            throw new IllegalArgumentException("stackDepth must be 1.." + MAX_STACK_DEPTH);
        }
        for (String p : counterPrefixes) {
            if (p.isEmpty() || p.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a counter prefix must be one non-empty line");
            }
        }
    }

    /**
     * The config a collector serves when it is given none: every program and version, the {@code crash/} counters,
     * 16 frames, every report.
     */
    public static UploadConfig allowAll() {
        return new UploadConfig(List.of(new ProgramRule(new NamePattern("*"), List.of(new NamePattern("*")), 1.0)),
                List.of("crash/"), MAX_STACK_DEPTH);
    }

    /** The rule that decides about {@code program}, if any. */
    public Optional<ProgramRule> rule(String program) {
        return programs.stream().filter(r -> r.covers(program)).findFirst();
    }

    public boolean allowsProgram(String program) {
        return rule(program).isPresent();
    }

    public boolean allowsVersion(String program, String version) {
        return rule(program).map(r -> r.allowsVersion(version)).orElse(false);
    }

    /** True if the counter's first line (its prefix) starts with one of the configured prefixes. */
    public boolean allowsCounter(String name) {
        String first = CounterNames.prefix(name);
        return counterPrefixes.stream().anyMatch(first::startsWith);
    }

    /** The program's sample rate; 0 for a program the config does not name. */
    public double sampleRate(String program) {
        return rule(program).map(ProgramRule::sampleRate).orElse(0.0);
    }

    /**
     * True if a report with this random ID is in the program's sample. Decided from the ID alone (its first 13 hex
     * digits as a fraction of 2^52), so the same report is always in or always out, whoever asks and however often.
     */
    public boolean sampled(String program, String reportId) {
        double x = Long.parseLong(reportId.substring(0, 13), 16) / (double) (1L << 52);
        return x < sampleRate(program);
    }

    /**
     * A stack counter's name with at most {@link #stackDepth} frames: the prefix and kind lines stay, frames past the
     * depth go and a {@value #GAP} line marks the cut. A plain counter, or a stack within the depth, is returned as
     * it is. The gap lines a name already holds are not frames and do not count.
     */
    public String truncate(String name) {
        if (!CounterNames.isStack(name)) {
            return name;
        }
        String[] lines = name.split("\n", -1);
        StringBuilder out = new StringBuilder(lines[0]);
        int frames = 0;
        for (int i = 1; i < lines.length; i++) {
            boolean frame = i >= 2 && !lines[i].equals(GAP);
            if (frame && ++frames > stackDepth) {
                return out.toString().endsWith("\n" + GAP) ? out.toString() : out.append('\n').append(GAP).toString();
            }
            out.append('\n').append(lines[i]);
        }
        return name;
    }
}
