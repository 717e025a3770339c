package dev.crashwatch.watchdog.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code crashwatch top}: Rank crash counters by count. (Not built yet.) */
public final class TopCommand implements Command {
    @Override
    public String name() {
        return "top";
    }

    @Override
    public String summary() {
        return "Rank crash counters by count";
    }

    @Override
    public String usage() {
        return "usage: crashwatch top";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        throw new UsageException("not built yet");
    }
}
