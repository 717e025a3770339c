package dev.crashwatch.watchdog.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.store.RecentCrash;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.StoreStatus;
import dev.crashwatch.watchdog.triage.CrashKind;
import dev.crashwatch.watchdog.triage.JsonViews;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code crashwatch status}: mode, where the store is, what it holds, the most recent crash. */
public final class StatusCommand implements Command {
    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "Show the mode, the store's location and contents, the most recent crash";
    }

    @Override
    public String usage() {
        return "usage: crashwatch status [--json]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        boolean json = CommandArgs.parse(args, Set.of("--json"), Set.of()).noPositional().flag("--json");
        StoreStatus s = StoreStatus.of(Store.openDefault());
        if (json) {
            out.print(JsonViews.pretty(toJson(s)));
        } else {
            print(out, s);
        }
        return 0;
    }

    private static void print(PrintStream out, StoreStatus s) {
        out.println("mode:               " + s.mode().mode().word() + " (" + s.mode().source() + ")"
                + s.mode().problem().map(p -> " - " + p).orElse(""));
        out.println("store:              " + s.dir());
        out.println("counter files:      " + s.counterFiles() + " (" + s.counterBytes() + " bytes)");
        out.println("weeks covered:      " + (s.weeks().isEmpty() ? "none" : s.weeks().size() + ", "
                + s.weeks().get(0) + " .. " + s.weeks().get(s.weeks().size() - 1)));
        out.println("most recent crash:  " + s.mostRecentCrash().map(StatusCommand::describe).orElse("none"));
        out.println("malformed kept:     " + s.malformedKept());
        if (!s.unreadableFiles().isEmpty()) {
            out.println("unreadable files:   " + s.unreadableFiles().size() + " (never overwritten; see "
                    + s.unreadableFiles().get(0).getParent() + ")");
        }
    }

    private static String describe(RecentCrash r) {
        return r.key().program() + " " + r.key().version() + ", " + r.last().at() + ", stack "
                + StackIds.of(r.last().name()) + " (" + CrashKind.of(r.last().name()).word() + ")";
    }

    private static ObjectNode toJson(StoreStatus s) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("mode", s.mode().mode().word());
        node.put("modeSource", s.mode().source());
        s.mode().problem().ifPresent(p -> node.put("modeProblem", p));
        node.put("store", s.dir().toString());
        node.put("counterFiles", s.counterFiles());
        node.put("counterBytes", s.counterBytes());
        s.weeks().stream().map(Object::toString).forEach(node.putArray("weeks")::add);
        s.mostRecentCrash().ifPresent(r -> node.putObject("mostRecentCrash")
                .put("program", r.key().program()).put("version", r.key().version())
                .put("at", r.last().at().toString()).put("stackId", StackIds.of(r.last().name()))
                .put("kind", CrashKind.of(r.last().name()).word()).put("name", r.last().name()));
        node.put("malformedKept", s.malformedKept());
        s.unreadableFiles().stream().map(Path::toString).forEach(node.putArray("unreadableFiles")::add);
        return node;
    }
}
