package dev.crashwatch.watchdog.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code crashwatch counters}: Print the crash counters, per counter file. (Not built yet.) */
public final class CountersCommand implements Command {
    @Override
    public String name() {
        return "counters";
    }

    @Override
    public String summary() {
        return "Print the crash counters, per counter file";
    }

    @Override
    public String usage() {
        return "usage: crashwatch counters";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        throw new UsageException("not built yet");
    }
}
