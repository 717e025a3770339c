package dev.crashwatch.fleet.cli;

import dev.crashwatch.fleet.query.CrashDelta;
import dev.crashwatch.fleet.query.FleetCrash;
import dev.crashwatch.fleet.query.Regression;
import dev.crashwatch.fleet.query.Seen;
import dev.crashwatch.fleet.query.StackDetail;
import dev.crashwatch.fleet.query.TrendRow;
import dev.crashwatch.fleet.query.VersionComparison;
import dev.crashwatch.fleet.query.VersionCrash;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The plain-text shapes of fleet triage's answers: a line per crash, its frames indented below it. */
final class FleetText {
    private static final String INDENT = "      ";

    private FleetText() {
    }

    static void top(PrintStream out, List<FleetCrash> crashes) {
        for (int i = 0; i < crashes.size(); i++) {
            FleetCrash c = crashes.get(i);
            out.printf(Locale.ROOT, "#%-3d %s  %-9s %6d machines %8d crashes  first %s in %s  last %s%n", i + 1,
                c.stackId(), c.kind().word(), c.machines(), c.count(), c.firstWeek(), c.firstVersion(), c.lastWeek());
            frames(out, c.frames());
        }
    }

    static void versionCrashes(PrintStream out, List<VersionCrash> crashes) {
        for (int i = 0; i < crashes.size(); i++) {
            VersionCrash c = crashes.get(i);
            out.printf(Locale.ROOT, "#%-3d %s  %-9s %6d of %d machines %8d crashes  %s %s  first %s%n", i + 1,
                c.stackId(), c.kind().word(), c.machines(), c.reporting(), c.count(), c.program(), c.version(),
                c.firstWeek());
            frames(out, c.frames());
        }
    }

    static void regressions(PrintStream out, List<Regression> regressions) {
        for (Regression r : regressions) {
            out.printf(Locale.ROOT, "%s  %-9s %s fixed in %s, back since %s: %s in %s%n", r.mark().stackId(),
                r.kind().word(), r.program(), r.mark().fixedIn(), r.firstWeekSince(), count(r.countSince(), "crash"),
                versions(r.since()));
            if (!r.olderStill().isEmpty()) {
                out.println(INDENT + "(also on versions before the fix, not a regression: " + versions(r.olderStill()) + ")");
            }
            frames(out, r.frames());
        }
    }

    private static String versions(List<VersionCrash> cells) {
        StringBuilder s = new StringBuilder();
        for (VersionCrash c : cells) {
            s.append(s.length() == 0 ? "" : ", ").append(c.version()).append(" (").append(count(c.machines(), "machine"))
                .append(", ").append(count(c.count(), "crash")).append(')');
        }
        return s.toString();
    }

    static void trend(PrintStream out, List<TrendRow> rows) {
        out.printf(Locale.ROOT, "%-10s  %-12s %-14s %9s %9s %9s%n", "week", "program", "version", "machines", "crashing",
            "crashes");
        for (TrendRow t : rows) {
            out.printf(Locale.ROOT, "%-10s  %-12s %-14s %9d %9d %9d%n", t.week(), t.program(), t.version(), t.machines(),
                t.crashingMachines(), t.crashes());
        }
    }

    static void comparison(PrintStream out, VersionComparison c) {
        out.printf(Locale.ROOT, "compare %s %s (%d machines) -> %s (%d machines): crashes per reporting machine%n",
            c.program(), c.base(), c.baseMachines(), c.next(), c.newMachines());
        section(out, "new in " + c.next(), c.newCrashes());
        section(out, "gone since " + c.base(), c.gone());
        section(out, "more frequent", c.more());
        section(out, "less frequent", c.fewer());
        out.println();
        out.println("unchanged: " + c.same().size());
    }

    private static void section(PrintStream out, String title, List<CrashDelta> deltas) {
        out.println();
        out.println(title + " (" + deltas.size() + "):");
        for (CrashDelta d : deltas) {
            out.printf(Locale.ROOT, "  %s  %-9s %.3f (%s on %s) -> %.3f (%s on %s)%n", d.stackId(), d.kind().word(),
                d.baseRate(), count(d.baseCount(), "crash"), count(d.baseMachines(), "machine"), d.newRate(),
                count(d.newCount(), "crash"), count(d.newMachines(), "machine"));
            frames(out, d.frames());
        }
    }

    static void detail(PrintStream out, StackDetail d) {
        out.printf(Locale.ROOT, "%s  %s  %d machines  %d crashes  weeks %s .. %s%n", d.stackId(), d.kind().word(),
            d.machines(), d.count(), d.firstWeek(), d.lastWeek());
        out.println(INDENT + d.name().replace("\n", "\n" + INDENT));
        seen(out, "versions", d.versions());
        seen(out, "weeks", d.weeks());
        seen(out, "java", d.javaVersions());
        seen(out, "systems", d.systems());
    }

    private static void seen(PrintStream out, String title, List<Seen> seen) {
        out.println(title + ":");
        for (Seen s : seen) {
            out.printf(Locale.ROOT, "  %-28s %6d machines %8d crashes%n", s.value(), s.machines(), s.count());
        }
    }

    /** {@code 1 crash}, {@code 2 crashes}, {@code 1 machine}, {@code 2 machines}. */
    private static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : word.endsWith("h") ? "es" : "s");
    }

    private static void frames(PrintStream out, List<String> frames) {
        frames.forEach(f -> out.println(INDENT + f));
    }
}
