package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.triage.Comparison;
import dev.crashwatch.watchdog.triage.JsonViews;
import dev.crashwatch.watchdog.triage.NotInStoreException;
import dev.crashwatch.watchdog.triage.TextViews;
import dev.crashwatch.watchdog.triage.Triage;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@code crashwatch compare}: crashes new in a version, gone since the base, and changed in rate. */
public final class CompareCommand implements Command {
    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "Compare two versions: crashes new, gone, changed in rate";
    }

    @Override
    public String usage() {
        return "usage: crashwatch compare --base V1 --new V2 [--program P] [--json]\n"
                + "  rates are crashes per 1,000 runs when both versions counted runs (crashwatch/runs), else raw\n"
                + "  counts; each crash shows the Java versions it was seen on, and a note when the other version\n"
                + "  never ran on those Java versions. Without --program each version's counts are summed over\n"
                + "  every program that has it; stderr says so when no program has both versions";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArgs a = CommandArgs.parse(args, Set.of("--json"), Set.of("--base", "--new", "--program"))
                .noPositional();
        String base = a.required("--base");
        String next = a.required("--new");
        Comparison c;
        try {
            c = Triage.compare(Store.openDefault(), a.option("--program"), base, next);
        } catch (NotInStoreException e) {
            err.println("crashwatch compare: " + e.getMessage());
            return 1;
        }
        if (a.option("--program").isEmpty()) {
            twoPrograms(Store.openDefault(), base, next).ifPresent(note -> err.println("crashwatch compare: " + note));
        }
        if (a.flag("--json")) {
            JsonViews.comparison(out, c);
        } else {
            TextViews.comparison(out, c);
        }
        return 0;
    }

    /**
     * A note when, without {@code --program}, the two versions belong to different programs only (one program's 2.0
     * against another's 1.1): the comparison is made, summed over programs as asked, but is rarely what was meant.
     */
    private static Optional<String> twoPrograms(Store store, String base, String next) throws IOException {
        Set<String> baseIn = programs(store, base);
        Set<String> nextIn = programs(store, next);
        if (baseIn.isEmpty() || nextIn.isEmpty() || baseIn.stream().anyMatch(nextIn::contains)) {
            return Optional.empty();
        }
        return Optional.of("no program has both versions (" + base + ": " + String.join(", ", baseIn) + "; " + next
                + ": " + String.join(", ", nextIn) + "); '--program P' compares one program's versions");
    }

    private static Set<String> programs(Store store, String version) throws IOException {
        Set<String> programs = new TreeSet<>();
        store.counterFiles(Optional.empty(), Optional.of(version)).forEach(f -> programs.add(f.key().program()));
        return programs;
    }
}
