package dev.crashwatch.watchdog.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code crashwatch signature}: Print the counter name a crash text (trace or hs_err log) would increment. (Not built yet.) */
public final class SignatureCommand implements Command {
    @Override
    public String name() {
        return "signature";
    }

    @Override
    public String summary() {
        return "Print the counter name a crash text (trace or hs_err log) would increment";
    }

    @Override
    public String usage() {
        return "usage: crashwatch signature";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        throw new UsageException("not built yet");
    }
}
