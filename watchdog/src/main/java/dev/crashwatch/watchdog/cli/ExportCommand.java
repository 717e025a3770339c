package dev.crashwatch.watchdog.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code crashwatch export}: Write a weekly report (JSON) for sharing. (Not built yet.) */
public final class ExportCommand implements Command {
    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "Write a weekly report (JSON) for sharing";
    }

    @Override
    public String usage() {
        return "usage: crashwatch export";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        throw new UsageException("not built yet");
    }
}
