package dev.crashwatch.fleet.cli;

import dev.crashwatch.fleet.query.FixedCrash;
import dev.crashwatch.fleet.query.FixedCrashes;
import dev.crashwatch.fleet.query.FleetDb;
import dev.crashwatch.fleet.query.FleetInput;
import dev.crashwatch.fleet.query.FleetLayout;
import dev.crashwatch.fleet.query.StackDetails;
import dev.crashwatch.watchdog.cli.CommandArgs;
import dev.crashwatch.watchdog.cli.UsageException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code crashwatch fleet fixed}: marks a crash fixed in a version, lists or removes the marks. */
final class FleetFixedCommand extends FleetSubcommand {
    @Override
    public String name() {
        return "fixed";
    }

    @Override
    public String summary() {
        return "Mark a crash fixed in a version (kept in DIR/_fleet/fixed.txt); without a stack ID, list the marks";
    }

    @Override
    String synopsis() {
        return "crashwatch fleet fixed --reports DIR [STACKID --in V [--program P] | STACKID --remove [--program P]] [--json]";
    }

    @Override
    Set<String> flags() {
        return Set.of("--remove");
    }

    @Override
    Set<String> options() {
        return Set.of("--in", "--program");
    }

    @Override
    int run(FleetLayout layout, CommandArgs a, PrintStream out, PrintStream err) throws Exception {
        layout.days(); // a wrong --reports (a machine's store, a typo) is an error, not a place for a triage file
        if (a.positional().isEmpty()) {
            List<FixedCrash> marks = FixedCrashes.read(layout);
            if (a.flag("--json")) {
                FleetJson.write(out, "fixed", marks, null);
            } else {
                marks.forEach(m -> out.println(m.stackId() + " fixed in " + m.fixedIn() + m.program().map(p -> " (" + p + ")").orElse("")));
                if (marks.isEmpty()) {
                    out.println("no crash is marked fixed");
                }
            }
            return 0;
        }
        String stackId = onePositional(a, "STACKID");
        if (a.flag("--remove")) {
            boolean removed = FixedCrashes.unmark(layout, stackId, a.option("--program"));
            out.println(removed ? "removed the fixed mark of " + stackId : stackId + " was not marked fixed");
            return 0;
        }
        FixedCrash mark = new FixedCrash(stackId, a.required("--in"), a.option("--program"));
        try {
            FixedCrashes.check(mark);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        FixedCrashes.mark(layout, mark);
        out.println("marked " + stackId + " fixed in " + mark.fixedIn() + mark.program().map(p -> " for " + p).orElse("")
            + " (" + layout.fixedFile() + ")");
        try (FleetDb db = FleetDb.open(FleetInput.scan(layout))) { // no note of skipped files: this is no query
            if (StackDetails.of(db, stackId).isEmpty()) {
                err.println("crashwatch fleet fixed: note: no report has a crash with stack ID " + stackId + " (a typo?"
                    + " 'crashwatch fleet fixed " + stackId + " --remove' takes the mark back)");
            }
        }
        return 0;
    }
}
