package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.Weeks;
import dev.crashwatch.watchdog.weekly.Exporter;
import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code crashwatch export}: one week of counters as a report (docs/report-format.md) on stdout. */
public final class ExportCommand implements Command {
    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "Write one week's counters as a JSON report to stdout";
    }

    @Override
    public String usage() {
        return "usage: crashwatch export [--week YYYY-MM-DD] > report.json\n"
                + "  --week D   the week holding day D (default: the latest week with counters)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Optional<LocalDate> day = CommandArgs.parse(args, Set.of(), Set.of("--week")).noPositional().date("--week");
        Store store = Store.openDefault();
        Optional<LocalDate> week = day.isPresent() ? day.map(Weeks::startOf) : Exporter.latestWeek(store);
        if (week.isEmpty()) {
            err.println("crashwatch export: no counters recorded in " + store.dir() + ": nothing to export");
            return 1;
        }
        Report report = Exporter.export(store, week.get());
        out.print(ReportJson.write(report));
        err.println("crashwatch export: week of " + week.get() + ", " + report.entries().size() + " entries");
        return 0;
    }
}
