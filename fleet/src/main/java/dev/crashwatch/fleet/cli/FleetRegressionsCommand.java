package dev.crashwatch.fleet.cli;

import dev.crashwatch.fleet.query.FixedCrashes;
import dev.crashwatch.fleet.query.FleetDb;
import dev.crashwatch.fleet.query.FleetLayout;
import dev.crashwatch.fleet.query.Regression;
import dev.crashwatch.fleet.query.Regressions;
import dev.crashwatch.fleet.query.VersionTable;
import dev.crashwatch.watchdog.cli.CommandArgs;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code crashwatch fleet regressions}: crashes marked fixed and seen again at or after the fix. */
final class FleetRegressionsCommand extends FleetSubcommand {
    @Override
    public String name() {
        return "regressions";
    }

    @Override
    public String summary() {
        return "Crashes marked fixed that came back in the fixing version or later (older versions never count)";
    }

    @Override
    String synopsis() {
        return "crashwatch fleet regressions --reports DIR [--json]";
    }

    @Override
    Set<String> options() {
        return Set.of();
    }

    @Override
    int run(FleetLayout layout, CommandArgs a, PrintStream out, PrintStream err) throws Exception {
        a.noPositional();
        var marks = FixedCrashes.read(layout);
        try (FleetDb db = open(layout, err)) {
            List<Regression> found = Regressions.find(VersionTable.load(db, Optional.empty()), marks);
            if (a.flag("--json")) {
                FleetJson.write(out, "regressions", found, db.input());
            } else if (found.isEmpty()) {
                out.println(marks.isEmpty() ? "no crash is marked fixed (crashwatch fleet fixed STACKID --in V)"
                    : "no regressions among " + marks.size() + (marks.size() == 1 ? " crash" : " crashes")
                    + " marked fixed");
            } else {
                FleetText.regressions(out, found);
            }
        }
        return 0;
    }
}
