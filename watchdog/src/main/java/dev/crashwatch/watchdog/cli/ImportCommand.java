package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.uploads.ReportFiles;
import dev.crashwatch.watchdog.weekly.Importer;
import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportFormatException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
        return "Merge exported reports into this store (a report, or a week exported again, counts once)";
    }

    @Override
    public String usage() {
        return "usage: crashwatch import REPORT.json...\n"
                + "  Checks every file first: one that is not a report stops the import, the store untouched (exit 1).\n"
                + "  A report counts once however often it is imported, and so does a week exported again or both\n"
                + "  exported and uploaded (one ID a week): a copy of a week's report with other counts than the one\n"
                + "  imported (a later export, the upload's cut) is not added, and this store's own reports never are";
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
        Store store = Store.openDefault();
        Set<String> own = new TreeSet<>(store.exportedReportIds().values());
        own.addAll(ReportFiles.ids(store.reportsDir()));
        for (Importer.Result r : Importer.importAll(store, files, reports, own)) {
            out.println(line(r));
        }
        return 0;
    }

    private static String line(Importer.Result r) {
        String head = r.file() + ": week of " + r.report().week() + ", ";
        if (r.ownReport()) {
            return head + "nothing added: report " + r.report().id() + " is this store's own (its counts are here)";
        }
        return head + entries(r.added()) + " added"
                + (r.alreadyImported() > 0 ? ", " + r.alreadyImported() + " already imported" : "")
                + (r.changed() > 0 ? ", " + entries(r.changed()) + " not added: an earlier copy of this week's"
                        + " report (report " + r.report().id() + ": another export, or the upload's cut of it) is in"
                        + " with other counts; a store takes the first copy of a week it sees" : "");
    }

    private static String entries(int n) {
        return n + (n == 1 ? " entry" : " entries");
    }

    private static String oneLine(Exception e) {
        return e instanceof ReportFormatException ? e.getMessage().replace('\n', ' ') : "cannot read " + ErrorText.of(e);
    }
}
