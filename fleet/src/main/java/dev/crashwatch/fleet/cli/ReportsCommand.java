package dev.crashwatch.fleet.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.crashwatch.fleet.upload.ReportShelf;
import dev.crashwatch.fleet.upload.StoredReport;
import dev.crashwatch.watchdog.cli.Command;
import dev.crashwatch.watchdog.cli.CommandArgs;
import dev.crashwatch.watchdog.cli.UsageException;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.triage.JsonViews;
import dev.crashwatch.watchdog.uploads.ReportFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code crashwatch reports}: the reports made for upload with their state (pending, uploaded, rejected, skipped);
 * {@code reports show ID} prints one, byte for byte what was or will be sent.
 */
public final class ReportsCommand implements Command {
    @Override
    public String name() {
        return "reports";
    }

    @Override
    public String summary() {
        return "List the reports made for upload and their state; 'reports show ID' prints one as sent";
    }

    @Override
    public String usage() {
        return "usage: crashwatch reports [--json]\n"
                + "       crashwatch reports show ID\n"
                + "  lists reports/ (pending, uploaded, rejected, skipped) by week; 'show' prints the report with\n"
                + "  that ID (or a unique start of it) exactly as it was or will be sent, its state and reason on stderr";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArgs parsed = CommandArgs.parse(args, Set.of("--json"), Set.of());
        List<String> words = parsed.positional();
        boolean json = parsed.flag("--json");
        ReportShelf shelf = ReportShelf.of(Store.openDefault());
        if (!words.isEmpty()) {
            if (!words.get(0).equals("show") || words.size() != 2 || json) {
                throw new UsageException("expected 'reports [--json]' or 'reports show ID'");
            }
            return show(shelf, words.get(1), out, err);
        }
        List<StoredReport> all = shelf.all();
        if (json) {
            JsonViews.write(out, g -> {
                g.writeStartArray();
                for (StoredReport r : all) {
                    reportFields(g, r);
                    g.writeEndObject();
                }
                g.writeEndArray();
            });
            return 0;
        }
        if (all.isEmpty()) {
            out.println("no reports in " + shelf.root() + " ('crashwatch upload' makes them in mode on)");
            return 0;
        }
        out.printf("%-10s  %-32s  %-8s  %7s  %7s  %s%n", "WEEK", "ID", "STATE", "ENTRIES", "CRASHES", "REASON");
        Map<String, Integer> byState = new TreeMap<>();
        for (StoredReport r : all) {
            out.printf("%-10s  %-32s  %-8s  %7d  %7d  %s%n", r.report().week(), r.id(), r.state().word(),
                    r.report().entries().size(), r.crashes(), r.reason().orElse(""));
            byState.merge(r.state().word(), 1, Integer::sum);
        }
        out.println(all.size() + (all.size() == 1 ? " report: " : " reports: ") + byState.toString()
                .replaceAll("[{}]", "").replace("=", " "));
        return 0;
    }

    private static int show(ReportShelf shelf, String id, PrintStream out, PrintStream err) throws IOException {
        Optional<StoredReport> found;
        try {
            found = shelf.find(id);
        } catch (IllegalArgumentException e) {
            err.println("crashwatch reports: " + e.getMessage());
            return 1;
        }
        if (found.isEmpty()) {
            err.println("crashwatch reports: no report '" + id + "' in " + shelf.root());
            return 1;
        }
        StoredReport r = found.get();
        err.println("crashwatch reports: " + r.state().word() + ", " + r.file()
                + r.reason().map(reason -> " (" + reason + ")").orElse(""));
        out.write(ReportFiles.bytes(r.file()));
        out.flush();
        return 0;
    }

    /** Starts an object holding a stored report's fields; the caller ends it. */
    static void reportFields(JsonGenerator g, StoredReport r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("week", r.report().week().toString());
        g.writeStringField("state", r.state().word());
        g.writeNumberField("entries", r.report().entries().size());
        g.writeNumberField("crashes", r.crashes());
        if (r.reason().isPresent()) {
            g.writeStringField("reason", r.reason().get());
        }
        g.writeStringField("file", r.file().toString());
    }
}
