package dev.crashwatch.fleet.cli;

import dev.crashwatch.fleet.upload.UploadResult;
import dev.crashwatch.fleet.upload.UploadSettings;
import dev.crashwatch.fleet.upload.UploadStep;
import dev.crashwatch.fleet.upload.Uploader;
import dev.crashwatch.watchdog.cli.Command;
import dev.crashwatch.watchdog.cli.CommandArgs;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.triage.JsonViews;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code crashwatch upload}: sends the weeks' reports that mode on allows to the collector ({@code docs/upload.md}). */
public final class UploadCommand implements Command {
    @Override
    public String name() {
        return "upload";
    }

    @Override
    public String summary() {
        return "Send ended weeks' reports to the collector (mode on only; see docs/upload.md)";
    }

    @Override
    public String usage() {
        return "usage: crashwatch upload [--json]\n"
                + "  makes the report of each ended week not yet reported (reports/pending/), then sends the pending\n"
                + "  ones; one line per report, or --json: the run as one JSON document. Exit status 1 when the\n"
                + "  collector could not take them (they stay pending for the next upload).";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        boolean json = CommandArgs.parse(args, Set.of("--json"), Set.of()).noPositional().flag("--json");
        Store store = Store.openDefault();
        UploadSettings settings;
        try {
            settings = UploadSettings.read(System::getenv, store.storedModeSetting().collector());
        } catch (IllegalArgumentException e) {
            // A setting, not the command line: its usage would not help. Bad usage all the same: status 2.
            err.println("crashwatch upload: " + e.getMessage() + "; nothing was made or sent (docs/upload.md,"
                    + " \"Settings\")");
            return 2;
        }
        UploadResult result = new Uploader(store, settings, step -> {
            if (!json) {
                out.println(step.line());
            }
        }).run();
        if (json) {
            json(out, result, settings);
        } else {
            err.println("crashwatch upload: " + result.message());
        }
        return result.exitStatus();
    }

    private static void json(PrintStream out, UploadResult result, UploadSettings settings) {
        JsonViews.write(out, g -> {
            g.writeStartObject();
            g.writeStringField("status", result.status());
            g.writeStringField("message", result.message());
            if (settings.collector().isPresent()) {
                g.writeStringField("collector", settings.collector().get().toString());
            }
            g.writeArrayFieldStart("reports");
            for (UploadStep s : result.steps()) {
                ReportsCommand.reportFields(g, s.report());
                g.writeStringField("step", s.what());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
