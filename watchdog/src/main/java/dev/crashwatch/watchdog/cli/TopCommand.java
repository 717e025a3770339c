package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.Weeks;
import dev.crashwatch.watchdog.triage.CounterFilter;
import dev.crashwatch.watchdog.triage.JsonViews;
import dev.crashwatch.watchdog.triage.NotInStoreException;
import dev.crashwatch.watchdog.triage.RankedCrash;
import dev.crashwatch.watchdog.triage.TextViews;
import dev.crashwatch.watchdog.triage.Triage;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code crashwatch top}: crash counters ranked by count, with stack ID, kind, weeks seen and frames. */
public final class TopCommand implements Command {
    static final int DEFAULT_LIMIT = 20;

    @Override
    public String name() {
        return "top";
    }

    @Override
    public String summary() {
        return "Rank crashes by count, with stack ID, kind, first and last week, frames";
    }

    @Override
    public String usage() {
        return "usage: crashwatch top [--program P] [--version V] [--weeks N] [--limit N] [--json]\n"
                + "  --weeks N   only the last N weeks, this one included (default: all)\n"
                + "  --limit N   at most N crashes (default " + DEFAULT_LIMIT + ")\n"
                + "  --json      every field, all versions of each crash (the text names a crash's versions one by\n"
                + "              one up to six, then how many and the range: 12 versions, 1.1 .. 1.12)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArgs a = CommandArgs.parse(args, Set.of("--json"),
                Set.of("--program", "--version", "--weeks", "--limit")).noPositional();
        int limit = a.positiveInt("--limit").orElse(DEFAULT_LIMIT);
        CounterFilter filter = CounterFilter.ALL.withProgram(a.option("--program").orElse(null))
                .withVersion(a.option("--version").orElse(null));
        if (a.positiveInt("--weeks").isPresent()) {
            filter = filter.withSince(Weeks.current().minusWeeks(a.positiveInt("--weeks").get() - 1L));
        }
        Triage triage;
        try {
            triage = Triage.load(Store.openDefault(), filter);
        } catch (NotInStoreException e) {
            err.println("crashwatch top: " + e.getMessage());
            return 1;
        }
        List<RankedCrash> top = triage.top(filter);
        top = top.subList(0, Math.min(limit, top.size()));
        if (a.flag("--json")) {
            JsonViews.ranked(out, top);
        } else if (top.isEmpty()) {
            out.println(triage.isEmpty() ? "no crashes recorded" : "no crashes match");
        } else {
            TextViews.ranked(out, top);
        }
        return 0;
    }
}
