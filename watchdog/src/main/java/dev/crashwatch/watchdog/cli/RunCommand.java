package dev.crashwatch.watchdog.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code crashwatch run}: Run a command with crash reporting: crashwatch run [--program P] [--version V] -- CMD ARGS.... (Not built yet.) */
public final class RunCommand implements Command {
    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "Run a command with crash reporting: crashwatch run [--program P] [--version V] -- CMD ARGS...";
    }

    @Override
    public String usage() {
        return "usage: crashwatch run";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        throw new UsageException("not built yet");
    }
}
