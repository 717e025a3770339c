package dev.crashwatch.fleet.cli;

import dev.crashwatch.fleet.query.Compactor;
import dev.crashwatch.fleet.query.FleetLayout;
import dev.crashwatch.watchdog.cli.CommandArgs;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code crashwatch fleet compact}: each received day that changed becomes one new Parquet file. */
final class FleetCompactCommand extends FleetSubcommand {
    @Override
    public String name() {
        return "compact";
    }

    @Override
    public String summary() {
        return "Compact each received day of reports that changed into one new Parquet file";
    }

    @Override
    String synopsis() {
        return "crashwatch fleet compact --reports DIR [--json]";
    }

    @Override
    Set<String> options() {
        return Set.of();
    }

    @Override
    int run(FleetLayout layout, CommandArgs a, PrintStream out, PrintStream err) throws Exception {
        a.noPositional();
        List<Compactor.Result> results = Compactor.compact(layout);
        if (a.flag("--json")) {
            FleetJson.write(out, "compacted", results, null);
            return 0;
        }
        for (Compactor.Result r : results) {
            out.println("received=" + r.day() + ": " + r.reports() + (r.reports() == 1 ? " report" : " reports")
                + (r.skipped() > 0 ? ", " + r.skipped() + " skipped" : "") + " -> generation " + r.generation()
                + (r.again() ? " (again: new files since the last compaction)" : ""));
        }
        out.println(results.isEmpty() && layout.days().isEmpty() ? "nothing to compact: no reports yet in " + layout.root()
            : results.isEmpty() ? "nothing to compact: every day is current"
            : "compacted " + results.size() + (results.size() == 1 ? " day" : " days"));
        return 0;
    }
}
