package dev.crashwatch.watchdog.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code crashwatch csv}: Every counter as CSV. (Not built yet.) */
public final class CsvCommand implements Command {
    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String summary() {
        return "Every counter as CSV";
    }

    @Override
    public String usage() {
        return "usage: crashwatch csv";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        throw new UsageException("not built yet");
    }
}
