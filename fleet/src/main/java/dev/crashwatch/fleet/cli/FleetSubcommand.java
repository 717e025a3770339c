package dev.crashwatch.fleet.cli;

import dev.crashwatch.fleet.query.FleetDb;
import dev.crashwatch.fleet.query.FleetInput;
import dev.crashwatch.fleet.query.FleetLayout;
import dev.crashwatch.watchdog.cli.Command;
import dev.crashwatch.watchdog.cli.CommandArgs;
import dev.crashwatch.watchdog.cli.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code crashwatch fleet} sub-command. Every one takes {@code --reports DIR} (or {@code CRASHWATCH_REPORTS})
 * and {@code --json}; those that read the reports print a one-line note on stderr when files were skipped.
 */
abstract class FleetSubcommand implements Command {
    static final String REPORTS_ENV = "CRASHWATCH_REPORTS";

    /** The flags besides {@code --json}. */
    Set<String> flags() {
        return Set.of();
    }

    /** The options with a value besides {@code --reports}. */
    abstract Set<String> options();

    abstract int run(FleetLayout layout, CommandArgs a, PrintStream out, PrintStream err) throws Exception;

    @Override
    public final int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Set<String> flags = new HashSet<>(flags());
        flags.add("--json");
        Set<String> options = new HashSet<>(options());
        options.add("--reports");
        CommandArgs a = CommandArgs.parse(args, flags, options);
        String dir = a.option("--reports").orElse(System.getenv(REPORTS_ENV));
        if (dir == null || dir.isEmpty()) {
            throw new UsageException("missing --reports DIR (or " + REPORTS_ENV + ")");
        }
        return run(new FleetLayout(Path.of(dir)), a, out, err);
    }

    /** Scans the reports and opens DuckDB over them, noting skipped files on stderr. */
    static FleetDb open(FleetLayout layout, PrintStream err) throws Exception {
        FleetInput input = FleetInput.scan(layout);
        input.skippedNote().ifPresent(note -> err.println("crashwatch fleet: " + note));
        return FleetDb.open(input);
    }

    /** The only positional argument, required. */
    static String onePositional(CommandArgs a, String what) throws UsageException {
        if (a.positional().size() != 1) {
            throw new UsageException(a.positional().isEmpty() ? "missing " + what
                : "unexpected argument '" + a.positional().get(1) + "'");
        }
        return a.positional().get(0);
    }
}
