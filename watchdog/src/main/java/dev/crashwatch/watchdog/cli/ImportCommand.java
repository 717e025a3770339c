package dev.crashwatch.watchdog.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code crashwatch import}: Merge reports into this store, idempotently. (Not built yet.) */
public final class ImportCommand implements Command {
    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "Merge reports into this store, idempotently";
    }

    @Override
    public String usage() {
        return "usage: crashwatch import";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        throw new UsageException("not built yet");
    }
}
