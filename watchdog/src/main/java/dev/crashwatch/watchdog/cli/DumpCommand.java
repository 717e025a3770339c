package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code crashwatch dump}: the raw store, as {@code gotelemetry dump}: the mode file, then each counter file's
 * exact text under its path, then the kept malformed inputs by name and size (their bytes may be binary:
 * read them with a viewer of your choice).
 */
public final class DumpCommand implements Command {
    @Override
    public String name() {
        return "dump";
    }

    @Override
    public String summary() {
        return "Print the raw store contents: mode file, counter files, kept malformed inputs";
    }

    @Override
    public String usage() {
        return "usage: crashwatch dump\n"
                + "  The mode file, the IDs of exported reports, and every counter file as they are on disk, then\n"
                + "  the unreadable counter files and the kept malformed inputs by name and size";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArgs.parse(args, Set.of(), Set.of()).noPositional();
        Store store = Store.openDefault();
        Path mode = store.dir().resolve("mode");
        out.println("==> " + mode + " <==");
        out.println(Files.exists(mode) ? Files.readString(mode).strip() : "(absent: mode is local by default)");
        Map<LocalDate, String> exported = store.exportedReportIds();
        if (!exported.isEmpty()) {
            out.println();
            out.println("==> " + store.exportedReportsFile() + " <== (the ID of each week's exported report)");
            exported.forEach((week, id) -> out.println(week + " " + id));
        }
        for (CounterFile f : store.counterFiles()) {
            out.println();
            out.println("==> " + f.path() + " <==");
            out.print(Files.readString(f.path()));
        }
        for (Path p : store.unreadableFiles()) {
            out.println();
            out.println("==> " + p + " <== (unreadable, " + Files.size(p) + " bytes)");
        }
        List<Path> malformed = store.malformedFiles();
        out.println();
        out.println("==> " + store.malformedDir() + " <== (" + malformed.size() + " kept)");
        for (Path p : malformed) {
            out.println(p.getFileName() + "  " + Files.size(p) + " bytes");
        }
        return 0;
    }
}
