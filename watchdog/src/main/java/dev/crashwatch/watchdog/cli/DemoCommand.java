package dev.crashwatch.watchdog.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code crashwatch demo}: Run sample crashes against a throw-away store and print the counters. (Not built yet.) */
public final class DemoCommand implements Command {
    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "Run sample crashes against a throw-away store and print the counters";
    }

    @Override
    public String usage() {
        return "usage: crashwatch demo";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        throw new UsageException("not built yet");
    }
}
