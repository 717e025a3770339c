package dev.crashwatch.watchdog.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** One sub-command of the {@code crashwatch} CLI: {@code crashwatch <name> ARGS...}. */
public interface Command {
    /** The word that selects this command. */
    String name();

    /** One line for {@code crashwatch help}. */
    String summary();

    /** Usage text for {@code crashwatch help <name>} and usage errors. */
    String usage();

    /**
     * The sub-command that this command's arguments {@code args} pick, for a command that has sub-commands
     * ({@code crashwatch fleet top}): its own {@link #usage} answers a {@code --help} after it, {@code crashwatch help
     * fleet top} and a usage error in it. None by default, and when {@code args} name none.
     */
    default Optional<Command> subcommand(List<String> args) {
        return Optional.empty();
    }

    /**
     * Runs the command. Bad usage is reported by throwing {@link UsageException}; Main prints it as one line
     * and exits 2.
     *
     * @return the process exit status
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
