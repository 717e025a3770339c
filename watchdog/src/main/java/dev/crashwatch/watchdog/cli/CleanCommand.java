package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.store.Store;
import java.io.Console;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code crashwatch clean}: deletes the recorded counters and kept malformed inputs, keeping the mode. Asks for
 * confirmation on a terminal; elsewhere (scripts, tests) it needs {@code --yes}.
 */
public final class CleanCommand implements Command {
    @Override
    public String name() {
        return "clean";
    }

    @Override
    public String summary() {
        return "Delete the recorded counters and kept malformed inputs (keeps the mode and the reports)";
    }

    @Override
    public String usage() {
        return "usage: crashwatch clean [--yes]\n"
                + "  Deletes the counter files (unreadable ones too), the runs not yet counted, the kept malformed\n"
                + "  inputs and the IDs of exported reports. Keeps the mode, the logs and the reports made for upload.\n"
                + "  --yes   do not ask (needed when not on a terminal)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        boolean yes = CommandArgs.parse(args, Set.of("--yes"), Set.of()).noPositional().flag("--yes");
        Store store = Store.openDefault();
        if (!yes) {
            Console console = System.console();
            if (!onTerminal(console)) {
                throw new UsageException("not on a terminal: pass --yes to delete the counters in " + store.dir());
            }
            String answer = console.readLine("Delete %d counter files and %d malformed inputs in %s? [y/N] ",
                    store.counterFiles().size(), store.malformedFiles().size(), store.dir());
            if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
                out.println("nothing deleted");
                return 1;
            }
        }
        out.println("deleted " + store.clean() + " files from " + store.dir() + "; the mode is kept");
        return 0;
    }

    /**
     * Whether the user can be asked. Up to JDK 21 a console exists only on a terminal; from JDK 22 one exists
     * always and {@code isTerminal()} (not in Java 17's API, hence the reflective call) tells.
     */
    private static boolean onTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
