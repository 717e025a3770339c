package dev.crashwatch.watchdog.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code crashwatch status}: Summarise the store: mode, files, weeks, latest crash. (Not built yet.) */
public final class StatusCommand implements Command {
    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "Summarise the store: mode, files, weeks, latest crash";
    }

    @Override
    public String usage() {
        return "usage: crashwatch status";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        throw new UsageException("not built yet");
    }
}
