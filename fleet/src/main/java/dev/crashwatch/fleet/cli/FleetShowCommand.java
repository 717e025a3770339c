package dev.crashwatch.fleet.cli;

import dev.crashwatch.fleet.query.FleetDb;
import dev.crashwatch.fleet.query.FleetLayout;
import dev.crashwatch.fleet.query.StackDetail;
import dev.crashwatch.fleet.query.StackDetails;
import dev.crashwatch.watchdog.cli.CommandArgs;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code crashwatch fleet show STACKID}: the frames, and where the fleet saw the crash. */
final class FleetShowCommand extends FleetSubcommand {
    @Override
    public String name() {
        return "show";
    }

    @Override
    public String summary() {
        return "One crash: its frames, where it was seen (version, week, Java, system), later versions without it";
    }

    @Override
    String synopsis() {
        return "crashwatch fleet show --reports DIR STACKID [--json]";
    }

    @Override
    Set<String> options() {
        return Set.of();
    }

    @Override
    int run(FleetLayout layout, CommandArgs a, PrintStream out, PrintStream err) throws Exception {
        String stackId = onePositional(a, "STACKID");
        try (FleetDb db = open(layout, err)) {
            List<StackDetail> details = StackDetails.of(db, stackId);
            if (details.isEmpty()) {
                err.println("crashwatch fleet show: no crash with stack ID " + stackId + " in the reports");
                return 1;
            }
            if (a.flag("--json")) {
                FleetJson.write(out, "crashes", details, db.input());
            } else {
                details.forEach(d -> FleetText.detail(out, d));
            }
        }
        return 0;
    }
}
