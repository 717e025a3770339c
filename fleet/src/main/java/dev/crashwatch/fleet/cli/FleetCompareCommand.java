package dev.crashwatch.fleet.cli;

import dev.crashwatch.fleet.query.FleetDb;
import dev.crashwatch.fleet.query.FleetLayout;
import dev.crashwatch.fleet.query.VersionCompare;
import dev.crashwatch.fleet.query.VersionComparison;
import dev.crashwatch.fleet.query.VersionTable;
import dev.crashwatch.watchdog.cli.CommandArgs;
import dev.crashwatch.watchdog.cli.UsageException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code crashwatch fleet compare V1 V2}: crash by crash, normalised by the machines reporting each version. */
final class FleetCompareCommand extends FleetSubcommand {
    static final int LISTED_VERSIONS = 8;

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "Compare two versions: new, gone, more and less frequent, per machine-week reporting each";
    }

    @Override
    String synopsis() {
        return "crashwatch fleet compare --reports DIR V1 V2 [--program P] [--json]\n"
            + "    --program may be left out when one program reported V1 or V2";
    }

    @Override
    Set<String> options() {
        return Set.of("--program");
    }

    @Override
    int run(FleetLayout layout, CommandArgs a, PrintStream out, PrintStream err) throws Exception {
        if (a.positional().size() != 2) {
            throw new UsageException("needs two versions, V1 V2");
        }
        String base = a.positional().get(0);
        String next = a.positional().get(1);
        if (base.equals(next)) {
            throw new UsageException("needs two different versions, not " + base + " twice");
        }
        try (FleetDb db = open(layout, err)) {
            VersionTable table = VersionTable.load(db, a.option("--program"));
            List<String> programs = table.programs().stream()
                .filter(p -> table.reporting(p, base) > 0 || table.reporting(p, next) > 0).toList();
            if (programs.isEmpty()) {
                err.println("crashwatch fleet compare: no report of " + base + " or " + next);
                return 1;
            }
            if (programs.size() > 1) {
                throw new UsageException("programs " + String.join(", ", programs) + " reported these versions; pick one with --program");
            }
            String program = programs.get(0);
            for (String version : List.of(base, next)) {
                if (table.reporting(program, version) == 0) {
                    err.println("crashwatch fleet compare: no report of " + program + " " + version + " (reported: "
                        + newest(table.versions(program)) + ")");
                    return 1;
                }
            }
            VersionComparison c = VersionCompare.compare(table, program, base, next);
            if (a.flag("--json")) {
                FleetJson.write(out, "comparison", c, db.input());
            } else {
                FleetText.comparison(out, c);
            }
        }
        return 0;
    }

    /** The newest versions, oldest first, so an error message stays one short line. */
    private static String newest(List<String> versions) {
        int from = Math.max(0, versions.size() - LISTED_VERSIONS);
        return (from > 0 ? "..., " : "") + String.join(", ", versions.subList(from, versions.size()));
    }
}
