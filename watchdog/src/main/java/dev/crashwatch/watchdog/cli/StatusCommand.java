package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.store.Mode;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.uploads.ReportState;
import dev.crashwatch.watchdog.uploads.UploadStatus;
import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.store.StoreStatus;
import dev.crashwatch.watchdog.store.counters.RecentCrash;
import dev.crashwatch.watchdog.triage.CrashKind;
import dev.crashwatch.watchdog.triage.JsonViews;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code crashwatch status}: mode, where the store is, what it holds, the most recent crash, and the uploads
 * ({@link UploadStatus}: read from the store, so the local half needs none of the fleet's code).
 */
public final class StatusCommand implements Command {
    private static final int UNREADABLE_LISTED = 10;

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "Show the mode, the store's location and contents, the most recent crash, the uploads";
    }

    @Override
    public String usage() {
        return "usage: crashwatch status [--json]\n"
                + "  The mode and where it comes from, the store and what it holds (counter files, weeks, the most\n"
                + "  recent crash, kept malformed inputs, unreadable files), and the upload state.\n"
                + "  --json   the same as one JSON object";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        boolean json = CommandArgs.parse(args, Set.of("--json"), Set.of()).noPositional().flag("--json");
        Store store = Store.openDefault();
        StoreStatus s = StoreStatus.of(store);
        UploadStatus u = UploadStatus.of(store, System::getenv, UploadStatus.today(System::getenv));
        if (json) {
            json(out, s, u);
        } else {
            print(out, s);
            print(out, u);
        }
        return 0;
    }

    private static void print(PrintStream out, StoreStatus s) {
        out.println("mode:               " + s.mode().mode().word() + " (" + s.mode().source() + ")"
                + s.mode().problem().map(p -> " - " + p).orElse(""));
        out.println("store:              " + s.dir());
        s.refusal().ifPresent(r -> out.println("store refused:      " + r + " (nothing is recorded here)"));
        out.println("counter files:      " + s.counterFiles() + " (" + s.counterBytes() + " bytes)");
        out.println("weeks covered:      " + (s.weeks().isEmpty() ? "none" : s.weeks().size() + ", "
                + s.weeks().get(0) + " .. " + s.weeks().get(s.weeks().size() - 1)));
        out.println("most recent crash:  " + s.mostRecentCrash().map(StatusCommand::describe)
                .orElse(s.counterFiles() == 0 ? "none" : "none recorded on this machine (imported counts never are)"));
        out.println("malformed kept:     " + s.malformedKept());
        if (!s.unreadableFiles().isEmpty()) {
            // Listed, as every reader that skips them promises; the first ten (--json has them all).
            List<Path> files = s.unreadableFiles();
            out.println("unreadable files:   " + files.size() + " (not counted, never overwritten):");
            files.stream().limit(UNREADABLE_LISTED).forEach(f -> out.println("                    " + f));
            if (files.size() > UNREADABLE_LISTED) {
                out.println("                    and " + (files.size() - UNREADABLE_LISTED) + " more ('crashwatch"
                        + " status --json' lists all)");
            }
        }
    }

    private static void print(PrintStream out, UploadStatus u) {
        out.println(uploadLine(u));
        out.println("upload reports:     " + Arrays.stream(ReportState.values())
                .map(r -> u.reports().get(r) + " " + r.word()).collect(Collectors.joining(", ")));
        out.println("last upload:        " + u.last().map(l -> l.at() + ", " + l.status()
                + (l.message().isEmpty() || l.message().equals(l.status()) ? "" : ": " + l.message())).orElse("none"));
        out.println(nextUploadLine(u));
    }

    /** Where reports go ({@code upload:}), as status prints it; also what {@code crashwatch mode on} answers. */
    static String uploadLine(UploadStatus u) {
        return "upload:             " + (u.mode() != Mode.ON ? "no (mode " + u.mode().word() + ")"
                : u.collector().map(c -> "to " + c + " (" + u.collectorSource() + ")").orElse("no collector set"));
    }

    /** When the next upload is due ({@code next upload:}), as status prints it. */
    static String nextUploadLine(UploadStatus u) {
        return "next upload:        " + u.next().day().map(d -> d + ", ").orElse("") + u.next().why()
                + (u.next().day().isPresent() ? " (started after a crash, once a day at most, or by 'crashwatch upload')" : "");
    }

    private static String describe(RecentCrash r) {
        return r.key().program() + " " + r.key().version() + ", " + r.last().at() + ", stack "
                + StackIds.of(r.last().name()) + " (" + CrashKind.of(r.last().name()).word() + ")";
    }

    private static void json(PrintStream out, StoreStatus s, UploadStatus u) {
        JsonViews.write(out, g -> {
            g.writeStartObject();
            g.writeStringField("mode", s.mode().mode().word());
            g.writeStringField("modeSource", s.mode().source());
            if (s.mode().problem().isPresent()) {
                g.writeStringField("modeProblem", s.mode().problem().get());
            }
            g.writeStringField("store", s.dir().toString());
            if (s.refusal().isPresent()) {
                g.writeStringField("storeRefused", s.refusal().get());
            }
            g.writeNumberField("counterFiles", s.counterFiles());
            g.writeNumberField("counterBytes", s.counterBytes());
            g.writeArrayFieldStart("weeks");
            for (var week : s.weeks()) {
                g.writeString(week.toString());
            }
            g.writeEndArray();
            if (s.mostRecentCrash().isPresent()) {
                RecentCrash r = s.mostRecentCrash().get();
                g.writeObjectFieldStart("mostRecentCrash");
                g.writeStringField("program", r.key().program());
                g.writeStringField("version", r.key().version());
                g.writeStringField("at", r.last().at().toString());
                g.writeStringField("stackId", StackIds.of(r.last().name()));
                g.writeStringField("kind", CrashKind.of(r.last().name()).word());
                g.writeStringField("name", r.last().name());
                g.writeEndObject();
            }
            g.writeNumberField("malformedKept", s.malformedKept());
            g.writeArrayFieldStart("unreadableFiles");
            for (Path p : s.unreadableFiles()) {
                g.writeString(p.toString());
            }
            g.writeEndArray();
            g.writeObjectFieldStart("upload");
            g.writeStringField("mode", u.mode().word());
            if (u.collector().isPresent()) {
                g.writeStringField("collector", u.collector().get());
                g.writeStringField("collectorSource", u.collectorSource());
            }
            g.writeObjectFieldStart("reports");
            for (ReportState r : ReportState.values()) {
                g.writeNumberField(r.word(), u.reports().get(r));
            }
            g.writeEndObject();
            if (u.last().isPresent()) {
                g.writeObjectFieldStart("lastUpload");
                g.writeStringField("at", u.last().get().at().toString());
                g.writeStringField("status", u.last().get().status());
                g.writeStringField("message", u.last().get().message());
                g.writeEndObject();
            }
            if (u.lastStarted().isPresent()) {
                g.writeStringField("lastAutomaticStart", u.lastStarted().get().toString());
            }
            g.writeObjectFieldStart("nextUpload");
            if (u.next().day().isPresent()) {
                g.writeStringField("day", u.next().day().get().toString());
            }
            g.writeStringField("why", u.next().why());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        });
    }
}
