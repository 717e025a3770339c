package dev.crashwatch.watchdog.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code crashwatch clean}: Delete recorded counters and kept malformed inputs. (Not built yet.) */
public final class CleanCommand implements Command {
    @Override
    public String name() {
        return "clean";
    }

    @Override
    public String summary() {
        return "Delete recorded counters and kept malformed inputs";
    }

    @Override
    public String usage() {
        return "usage: crashwatch clean";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        throw new UsageException("not built yet");
    }
}
