package dev.crashwatch.watchdog.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code crashwatch view}: Serve a local web view of the store on localhost. (Not built yet.) */
public final class ViewCommand implements Command {
    @Override
    public String name() {
        return "view";
    }

    @Override
    public String summary() {
        return "Serve a local web view of the store on localhost";
    }

    @Override
    public String usage() {
        return "usage: crashwatch view";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        throw new UsageException("not built yet");
    }
}
