package dev.crashwatch.watchdog.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of the {@code crashwatch} CLI: {@code crashwatch <name> ARGS...}. */
public interface Command {
    /** The word that selects this command. */
    String name();

    /** One line for {@code crashwatch help}. */
    String summary();

    /** Usage text for {@code crashwatch help <name>} and usage errors. */
    String usage();

    /**
     * Runs the command. Bad usage is reported by throwing {@link UsageException}; Main prints it as one line
     * and exits 2.
     *
     * @return the process exit status
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
