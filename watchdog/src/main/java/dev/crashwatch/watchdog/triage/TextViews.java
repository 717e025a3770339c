package dev.crashwatch.watchdog.triage;

import dev.crashwatch.watchdog.signature.CounterNames;
import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** The plain-text shapes of counter files and triage answers: one frame per line, stack ID beside each stack. */
public final class TextViews {
    /** The most versions a crash's line in {@code top} lists one by one. */
    static final int VERSIONS_LISTED = 6;

    private static final String FRAME_INDENT = " ".repeat(18);

    private TextViews() {
    }

    /** One counter file: a header line, then each counter with its count and stack ID. */
    public static void counterFile(PrintStream out, CounterFile f) {
        out.println(describe(f.key()) + "  (" + f.path().getFileName() + ")");
        f.counters().forEach((name, n) -> {
            String id = CounterNames.isStack(name) ? StackIds.of(name) : "";
            out.printf(Locale.ROOT, "%8d  %-6s  ", n, id);
            lines(out, name, FRAME_INDENT);
        });
    }

    /** {@code program@version  java J  os/arch  week of W}. */
    public static String describe(CounterFileKey k) {
        return k.program() + "@" + k.version() + "  java " + k.javaVersion() + "  " + k.os() + "/" + k.arch()
                + "  week of " + k.weekStart();
    }

    /**
     * Ranked crashes, each with rank, count, stack ID, kind, weeks, versions and Java versions, the programs that
     * share it when there are several, then its name line by line.
     */
    public static void ranked(PrintStream out, List<RankedCrash> crashes) {
        for (int i = 0; i < crashes.size(); i++) {
            RankedCrash c = crashes.get(i);
            out.printf(Locale.ROOT, "#%-3d %8d  %s  %-9s weeks %s .. %s  versions %s  java %s%n", i + 1, c.count(),
                    c.stackId(), c.kind().word(), c.firstWeek(), c.lastWeek(), versions(c.versions()),
                    String.join(", ", c.javaVersions()));
            if (c.inSeveralPrograms()) {
                out.println("      in " + c.programs().size() + " programs, counted together: " + programs(c));
            } else {
                out.println("      program " + programs(c));
            }
            out.print("      ");
            lines(out, c.name(), "      ");
        }
    }

    /** {@code app 3, tool 1}: each program with its share of the count. */
    private static String programs(RankedCrash c) {
        StringJoiner each = new StringJoiner(", ");
        c.programs().forEach((p, n) -> each.add(c.inSeveralPrograms() ? p + " " + n : p));
        return each.toString();
    }

    /** A comparison: the basis, then new, gone and changed crashes, then how many are unchanged. */
    public static void comparison(PrintStream out, Comparison c) {
        out.println("compare " + c.program().map(p -> p + " ").orElse("") + c.baseVersion() + " -> "
                + c.newVersion() + ": " + c.basis() + runs(c));
        out.println("java: " + c.baseVersion() + " on " + String.join(", ", c.baseJavaVersions()) + "; "
                + c.newVersion() + " on " + String.join(", ", c.newJavaVersions()));
        section(out, "new in " + c.newVersion(), c.newCrashes(), c, c.baseVersion());
        section(out, "gone since " + c.baseVersion(), c.gone(), c, c.newVersion());
        section(out, "changed", c.changed(), c, "");
        out.println("unchanged: " + c.unchanged().size());
    }

    private static void section(PrintStream out, String title, List<CrashChange> changes, Comparison c,
                                String otherVersion) {
        out.println();
        out.println(title + " (" + changes.size() + "):");
        for (CrashChange ch : changes) {
            out.printf(Locale.ROOT, "  %s  %-9s %s -> %s  java %s%s%n", ch.stackId(), ch.kind().word(),
                    amount(ch.baseCount(), ch.baseRate(), c.perRun()), amount(ch.newCount(), ch.newRate(), c.perRun()),
                    String.join(", ", ch.javaVersions()), ch.javaGap() ? "  " + javaGap(ch, otherVersion) : "");
            out.print("      ");
            lines(out, ch.name(), "      ");
        }
    }

    /** The note beside a crash whose Java versions the other version never ran on. */
    public static String javaGap(CrashChange ch, String otherVersion) {
        return "(only seen on java " + String.join(", ", ch.javaVersions()) + ", which " + otherVersion
                + " never ran on)";
    }

    /**
     * Versions on one line: all of them up to {@link #VERSIONS_LISTED}, else how many and the range, oldest to newest
     * ({@code 40 versions, 1.1.0 .. 1.40.0}): a crash seen in every release must not make a line of hundreds of
     * characters. {@code --json} lists them all.
     */
    static String versions(List<String> versions) {
        return versions.size() <= VERSIONS_LISTED ? String.join(", ", versions)
                : versions.size() + " versions, " + versions.get(0) + " .. " + versions.get(versions.size() - 1);
    }

    private static String amount(long count, double rate, boolean perRun) {
        return perRun ? RateText.of(rate) + " per 1k runs (" + count + ")" : Long.toString(count);
    }

    private static String runs(Comparison c) {
        return c.perRun() ? " (" + c.baseRuns().orElse(0L) + " and " + c.newRuns().orElse(0L) + " runs)" : "";
    }

    /** Prints a counter name's lines; the first continues the current line, the rest get {@code indent}. */
    private static void lines(PrintStream out, String name, String indent) {
        String[] lines = name.split("\n", -1);
        out.println(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.println(indent + lines[i]);
        }
    }
}
