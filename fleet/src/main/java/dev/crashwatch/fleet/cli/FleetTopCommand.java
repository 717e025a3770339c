package dev.crashwatch.fleet.cli;

import dev.crashwatch.fleet.query.FleetCrash;
import dev.crashwatch.fleet.query.FleetDb;
import dev.crashwatch.fleet.query.FleetLayout;
import dev.crashwatch.fleet.query.TopCrashes;
import dev.crashwatch.watchdog.cli.CommandArgs;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code crashwatch fleet top}: crashes ranked by the machines that hit them. */
final class FleetTopCommand extends FleetSubcommand {
    static final int DEFAULT_LIMIT = 20;

    @Override
    public String name() {
        return "top";
    }

    @Override
    public String summary() {
        return "Crashes ranked by machine-weeks hit, then count, with first week and first version";
    }

    @Override
    String synopsis() {
        return "crashwatch fleet top --reports DIR [--program P] [--version V] [--weeks N] [--limit N] [--json]\n"
            + "    --weeks N: the last N weeks, counting back from the newest week a report covers";
    }

    @Override
    Set<String> options() {
        return Set.of("--program", "--version", "--weeks", "--limit");
    }

    @Override
    int run(FleetLayout layout, CommandArgs a, PrintStream out, PrintStream err) throws Exception {
        a.noPositional();
        int limit = a.positiveInt("--limit").orElse(DEFAULT_LIMIT);
        TopCrashes.Filter filter = new TopCrashes.Filter(a.option("--program"), a.option("--version"),
            a.positiveInt("--weeks"));
        try (FleetDb db = open(layout, err)) {
            List<FleetCrash> top = TopCrashes.rank(db, filter);
            top = top.subList(0, Math.min(limit, top.size()));
            if (top.isEmpty() && (unknownProgram(db, a, err) || unknownVersion(db, a, err))) {
                return 1;
            }
            if (a.flag("--json")) {
                FleetJson.write(out, "top", top, db.input());
            } else if (top.isEmpty()) {
                out.println("no crashes match");
            } else {
                FleetText.top(out, top);
            }
        }
        return 0;
    }
}
