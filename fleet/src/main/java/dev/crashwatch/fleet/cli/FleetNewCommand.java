package dev.crashwatch.fleet.cli;

import dev.crashwatch.fleet.query.FleetDb;
import dev.crashwatch.fleet.query.FleetLayout;
import dev.crashwatch.fleet.query.NewCrashes;
import dev.crashwatch.fleet.query.VersionCrash;
import dev.crashwatch.fleet.query.VersionTable;
import dev.crashwatch.watchdog.cli.CommandArgs;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code crashwatch fleet new --version V}: crashes seen in V and in no earlier version. */
final class FleetNewCommand extends FleetSubcommand {
    @Override
    public String name() {
        return "new";
    }

    @Override
    public String summary() {
        return "Crashes seen in a version and in no earlier version (semver order, prereleases first)";
    }

    @Override
    String synopsis() {
        return "crashwatch fleet new --reports DIR --version V [--program P] [--limit N] [--json]";
    }

    @Override
    Set<String> options() {
        return Set.of("--version", "--program", "--limit");
    }

    @Override
    int run(FleetLayout layout, CommandArgs a, PrintStream out, PrintStream err) throws Exception {
        a.noPositional();
        String version = a.required("--version");
        int limit = a.positiveInt("--limit").orElse(FleetTopCommand.DEFAULT_LIMIT);
        try (FleetDb db = open(layout, err)) {
            VersionTable table = VersionTable.loadVersion(db, a.option("--program"), version);
            if (noReportOf(table, version, a, err)) {
                return 1;
            }
            List<VersionCrash> found = NewCrashes.in(db, table, version, a.option("--program"));
            found = found.subList(0, Math.min(limit, found.size()));
            if (a.flag("--json")) {
                FleetJson.write(out, "newCrashes", found, db.input());
            } else if (found.isEmpty()) {
                out.println("no crash is new in " + version);
            } else {
                FleetText.versionCrashes(out, found);
            }
        }
        return 0;
    }
}
