package dev.crashwatch.watchdog.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code crashwatch compare}: Crashes new, gone and changed between two versions. (Not built yet.) */
public final class CompareCommand implements Command {
    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "Crashes new, gone and changed between two versions";
    }

    @Override
    public String usage() {
        return "usage: crashwatch compare";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        throw new UsageException("not built yet");
    }
}
