package dev.crashwatch.fleet.cli;

import dev.crashwatch.watchdog.cli.Command;
import dev.crashwatch.watchdog.cli.UsageException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code crashwatch fleet <sub-command>}: fleet triage over the collector's reports folder. The first argument picks
 * the sub-command; {@code crashwatch help fleet} lists them all with their options, {@code crashwatch help fleet top}
 * (or {@code crashwatch fleet top --help}) shows one.
 */
public final class FleetCommand implements Command {
    /** The sub-commands, in help order. */
    static final List<FleetSubcommand> SUBCOMMANDS = List.of(new FleetCompactCommand(), new FleetTopCommand(),
        new FleetNewCommand(), new FleetRegressionsCommand(), new FleetFixedCommand(), new FleetTrendCommand(),
        new FleetCompareCommand(), new FleetShowCommand(), new FleetViewCommand());

    @Override
    public String name() {
        return "fleet";
    }

    @Override
    public String summary() {
        return "Triage every collected report: top, new, regressions, trend, compare, show, view";
    }

    @Override
    public String usage() {
        StringBuilder usage = new StringBuilder("""
            usage: crashwatch fleet <command> --reports DIR [options] [--json]
              Fleet triage over a collector's reports folder (DIR, or CRASHWATCH_REPORTS). A report is one machine's
              week and names no machine, so counts are machine-weeks (a machine that reported 3 weeks counts 3);
              per-week rows say machines. Corrupt or foreign files are skipped with a one-line note on stderr.
            """).append(FleetSubcommand.S3_USAGE).append('\n');
        for (FleetSubcommand c : SUBCOMMANDS) {
            usage.append("\n  ").append(c.name()).append(": ").append(c.summary()).append("\n    ")
                .append(c.synopsis()).append('\n');
        }
        return usage.toString().stripTrailing();
    }

    /** The sub-command named by the first argument, as {@link #run} picks it: {@code fleet top --help} is top's. */
    @Override
    public Optional<Command> subcommand(List<String> args) {
        return args.isEmpty() ? Optional.empty()
            : SUBCOMMANDS.stream().filter(c -> c.name().equals(args.get(0))).findFirst().map(Command.class::cast);
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("missing command (" + names() + ")");
        }
        for (FleetSubcommand c : SUBCOMMANDS) {
            if (c.name().equals(args.get(0))) {
                return c.run(args.subList(1, args.size()), out, err);
            }
        }
        throw new UsageException("unknown command '" + args.get(0) + "' (" + names() + ")");
    }

    private static String names() {
        return String.join(", ", SUBCOMMANDS.stream().map(FleetSubcommand::name).toList());
    }
}
