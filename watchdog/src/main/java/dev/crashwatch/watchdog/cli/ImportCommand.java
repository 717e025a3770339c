package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.weekly.Importer;
import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportFormatException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;

/**
 * {@code crashwatch import}: merges reports into this store, idempotently. Every file is checked first: one
 * corrupt or foreign file stops the import with the store untouched.
 */
public final class ImportCommand implements Command {
    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "Merge exported reports into this store (the same report counts once)";
    }

    @Override
    public String usage() {
        return "usage: crashwatch import REPORT.json...";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        List<Path> files = CommandArgs.parse(args, Set.of(), Set.of()).positional().stream()
                .map(Paths::get).toList();
        if (files.isEmpty()) {
            throw new UsageException("no report file given");
        }
        List<Report> reports;
        try {
            reports = Importer.readAll(files);
        } catch (ReportFormatException | IOException e) {
            err.println("crashwatch import: " + oneLine(e) + "; nothing imported");
            return 1;
        }
        for (Importer.Result r : Importer.importAll(Store.openDefault(), files, reports)) {
            out.println(r.file() + ": week of " + r.report().week() + ", " + r.added()
                    + (r.added() == 1 ? " entry" : " entries") + " added"
                    + (r.alreadyImported() > 0 ? ", " + r.alreadyImported() + " already imported" : ""));
        }
        return 0;
    }

    private static String oneLine(Exception e) {
        String m = e instanceof ReportFormatException ? e.getMessage() : "cannot read " + e.getMessage();
        return m.replace('\n', ' ');
    }
}
