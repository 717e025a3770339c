package dev.crashwatch.fleet.cli;

import static dev.crashwatch.fleet.query.FleetWords.CRASH;
import static dev.crashwatch.fleet.query.FleetWords.MACHINE;
import static dev.crashwatch.fleet.query.FleetWords.MACHINE_WEEK;
import static dev.crashwatch.fleet.query.FleetWords.count;

import dev.crashwatch.fleet.query.CrashDelta;
import dev.crashwatch.fleet.query.FleetCrash;
import dev.crashwatch.fleet.query.FleetWords;
import dev.crashwatch.fleet.query.Regression;
import dev.crashwatch.fleet.query.Seen;
import dev.crashwatch.fleet.query.StackDetail;
import dev.crashwatch.fleet.query.TrendRow;
import dev.crashwatch.fleet.query.VersionComparison;
import dev.crashwatch.fleet.query.VersionCrash;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The plain-text shapes of fleet triage's answers: a line per crash, its frames indented below it. Counts of reports
 * are machine-weeks, or machines where they cover one week ({@link FleetWords}).
 */
final class FleetText {
    private static final String INDENT = "      ";

    private FleetText() {
    }

    static void top(PrintStream out, List<FleetCrash> crashes) {
        for (int i = 0; i < crashes.size(); i++) {
            FleetCrash c = crashes.get(i);
            out.printf(Locale.ROOT, "#%-3d %s  %-9s %20s %15s  first %s in %s  last %s%n", i + 1,
                c.stackId(), c.kind().word(), count(c.machines(), MACHINE_WEEK), count(c.count(), CRASH), c.firstWeek(),
                c.firstVersion(), c.lastWeek());
            frames(out, c.frames());
        }
    }

    static void versionCrashes(PrintStream out, List<VersionCrash> crashes) {
        for (int i = 0; i < crashes.size(); i++) {
            VersionCrash c = crashes.get(i);
            out.printf(Locale.ROOT, "#%-3d %s  %-9s %6d of %s %15s  %s %s  first %s%n", i + 1,
                c.stackId(), c.kind().word(), c.machines(), count(c.reporting(), MACHINE_WEEK), count(c.count(), CRASH),
                c.program(), c.version(), c.firstWeek());
            frames(out, c.frames());
        }
    }

    static void regressions(PrintStream out, List<Regression> regressions) {
        for (Regression r : regressions) {
            out.printf(Locale.ROOT, "%s  %-9s %s fixed in %s, back since %s: %s in %s%n", r.mark().stackId(),
                r.kind().word(), r.program(), r.mark().fixedIn(), r.firstWeekSince(), count(r.countSince(), CRASH),
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
            s.append(s.length() == 0 ? "" : ", ").append(c.version()).append(" (").append(count(c.machines(), MACHINE_WEEK))
                .append(", ").append(count(c.count(), CRASH)).append(')');
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
        out.printf(Locale.ROOT, "compare %s %s (%s) -> %s (%s): crashes per machine-week reporting the version%n",
            c.program(), c.base(), count(c.baseMachines(), MACHINE_WEEK), c.next(), count(c.newMachines(), MACHINE_WEEK));
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
                d.baseRate(), count(d.baseCount(), CRASH), count(d.baseMachines(), MACHINE_WEEK), d.newRate(),
                count(d.newCount(), CRASH), count(d.newMachines(), MACHINE_WEEK));
            frames(out, d.frames());
        }
    }

    static void detail(PrintStream out, StackDetail d) {
        out.printf(Locale.ROOT, "%s  %s  %s  %s  weeks %s .. %s%n", d.stackId(), d.kind().word(),
            count(d.machines(), MACHINE_WEEK), count(d.count(), CRASH), d.firstWeek(), d.lastWeek());
        out.println(INDENT + d.name().replace("\n", "\n" + INDENT));
        seen(out, "versions", d.versions(), MACHINE_WEEK);
        if (!d.versionsWithout().isEmpty()) {
            out.println("reported without it, since its first version:");
            for (Seen s : d.versionsWithout()) {
                out.printf(Locale.ROOT, "  %-28s %20s reporting%n", s.value(), count(s.machines(), MACHINE_WEEK));
            }
        }
        seen(out, "weeks", d.weeks(), MACHINE);
        seen(out, "java", d.javaVersions(), MACHINE_WEEK);
        seen(out, "systems", d.systems(), MACHINE_WEEK);
    }

    private static void seen(PrintStream out, String title, List<Seen> seen, String machines) {
        out.println(title + ":");
        for (Seen s : seen) {
            out.printf(Locale.ROOT, "  %-28s %20s %15s%n", s.value(), count(s.machines(), machines), count(s.count(), CRASH));
        }
    }

    private static void frames(PrintStream out, List<String> frames) {
        frames.forEach(f -> out.println(INDENT + f));
    }
}
