package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.triage.CounterFilter;
import dev.crashwatch.watchdog.triage.JsonViews;
import dev.crashwatch.watchdog.triage.NotInStoreException;
import dev.crashwatch.watchdog.triage.TextViews;
import dev.crashwatch.watchdog.triage.Triage;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code crashwatch counters}: the crash counters, per counter file, with a stack ID beside each stack. */
public final class CountersCommand implements Command {
    @Override
    public String name() {
        return "counters";
    }

    @Override
    public String summary() {
        return "Print the crash counters, per counter file";
    }

    @Override
    public String usage() {
        return "usage: crashwatch counters [--json] [--program P] [--version V] [--since YYYY-MM-DD]\n"
                + "  --since D   only files whose week ends on or after day D\n"
                + "  --json      a JSON array: program, version, javaVersion, os, arch, weekStart, file,\n"
                + "              counters (name -> count), stackIds (name -> stack ID)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArgs a = CommandArgs.parse(args, Set.of("--json"), Set.of("--program", "--version", "--since"))
                .noPositional();
        CounterFilter filter = CounterFilter.ALL.withProgram(a.option("--program").orElse(null))
                .withVersion(a.option("--version").orElse(null)).withSince(a.date("--since").orElse(null));
        Store store = Store.openDefault();
        List<CounterFile> all = store.counterFiles();
        try {
            Triage.of(all).require(filter);
        } catch (NotInStoreException e) {
            err.println("crashwatch counters: " + e.getMessage());
            return 1;
        }
        List<CounterFile> selected = all.stream().filter(f -> filter.matches(f.key())).toList();
        if (a.flag("--json")) {
            JsonViews.counterFiles(out, selected);
        } else if (selected.isEmpty()) {
            out.println(all.isEmpty() ? "no counters recorded in " + store.counterDir() : "no counters match");
        } else {
            for (CounterFile f : selected) {
                TextViews.counterFile(out, f);
                out.println();
            }
        }
        return 0;
    }
}
