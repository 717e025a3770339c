package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.store.CollectorUrl;
import dev.crashwatch.watchdog.store.Mode;
import dev.crashwatch.watchdog.store.ModeSetting;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.uploads.UploadStatus;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code crashwatch mode [off|local|on [--collector URL]]}: prints the effective mode, or sets it (and the collector
 * mode on uploads to) in the store's mode file.
 */
public final class ModeCommand implements Command {
    @Override
    public String name() {
        return "mode";
    }

    @Override
    public String summary() {
        return "Print the mode (local, on, off), or set it";
    }

    @Override
    public String usage() {
        return "usage: crashwatch mode [off|local|on [--collector URL]]\n"
                + "  on: count, and upload ended weeks' reports to the collector at URL after a 7-day grace period\n"
                + "  (docs/upload.md); https://, or http:// to a loopback address. Setting on again keeps its day.";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArgs parsed = CommandArgs.parse(args, Set.of(), Set.of("--collector"));
        List<String> words = parsed.positional();
        Store store = Store.openDefault();
        if (words.size() > 1) {
            throw new UsageException("expected at most one of off, local, on");
        }
        Optional<CollectorUrl> collector;
        try {
            collector = parsed.option("--collector").map(CollectorUrl::parse);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--collector: " + e.getMessage());
        }
        if (collector.isPresent() && !words.equals(List.of(Mode.ON.word()))) {
            throw new UsageException("--collector goes with 'on': crashwatch mode on --collector URL");
        }
        if (words.isEmpty()) {
            ModeSetting setting = store.modeSetting();
            out.println(setting.mode().word());
            setting.problem().ifPresent(p -> err.println("crashwatch mode: " + p));
            return 0;
        }
        Mode mode = Mode.parse(words.get(0))
                .orElseThrow(() -> new UsageException("'" + words.get(0) + "' is not a mode: off, local or on"));
        store.setMode(mode, collector);
        ModeSetting now = store.modeSetting();
        if (now.mode() != mode) {
            err.println("crashwatch mode: set to " + mode.word() + " in " + store.dir()
                    + ", but CRASHWATCH_MODE overrides it here: " + now.mode().word());
        } else if (mode == Mode.ON) {
            // What consent means here and now (status's lines): where reports go, when, or why not.
            UploadStatus u = UploadStatus.of(store, System::getenv, UploadStatus.today(System::getenv));
            out.println(StatusCommand.uploadLine(u));
            out.println(StatusCommand.nextUploadLine(u));
        }
        return 0;
    }
}
