package dev.crashwatch.fleet.cli;

import dev.crashwatch.fleet.query.FleetDb;
import dev.crashwatch.fleet.query.FleetLayout;
import dev.crashwatch.fleet.query.Trend;
import dev.crashwatch.fleet.query.TrendRow;
import dev.crashwatch.watchdog.cli.CommandArgs;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code crashwatch fleet trend}: per week and version, machines reporting, machines crashing, crashes. */
final class FleetTrendCommand extends FleetSubcommand {
    @Override
    public String name() {
        return "trend";
    }

    @Override
    public String summary() {
        return "Per week and version: machines reporting, machines with a crash, crashes";
    }

    @Override
    String synopsis() {
        return "crashwatch fleet trend --reports DIR [--program P] [--json]";
    }

    @Override
    Set<String> options() {
        return Set.of("--program");
    }

    @Override
    int run(FleetLayout layout, CommandArgs a, PrintStream out, PrintStream err) throws Exception {
        a.noPositional();
        try (FleetDb db = open(layout, err)) {
            List<TrendRow> rows = Trend.weekly(db, a.option("--program"));
            if (rows.isEmpty() && unknownProgram(db, a, err)) {
                return 1;
            }
            if (a.flag("--json")) {
                FleetJson.write(out, "trend", rows, db.input());
            } else if (rows.isEmpty()) {
                out.println("no reports");
            } else {
                FleetText.trend(out, rows);
            }
        }
        return 0;
    }
}
