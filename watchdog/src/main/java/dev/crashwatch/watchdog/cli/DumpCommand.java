package dev.crashwatch.watchdog.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code crashwatch dump}: The raw store contents. (Not built yet.) */
public final class DumpCommand implements Command {
    @Override
    public String name() {
        return "dump";
    }

    @Override
    public String summary() {
        return "The raw store contents";
    }

    @Override
    public String usage() {
        return "usage: crashwatch dump";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        throw new UsageException("not built yet");
    }
}
