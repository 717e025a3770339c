package dev.crashwatch.watchdog.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code crashwatch mode}: Print or set the mode: local, on or off. (Not built yet.) */
public final class ModeCommand implements Command {
    @Override
    public String name() {
        return "mode";
    }

    @Override
    public String summary() {
        return "Print or set the mode: local, on or off";
    }

    @Override
    public String usage() {
        return "usage: crashwatch mode";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        throw new UsageException("not built yet");
    }
}
