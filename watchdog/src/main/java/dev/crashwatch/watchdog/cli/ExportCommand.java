package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.Weeks;
import dev.crashwatch.watchdog.weekly.Exporter;
import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code crashwatch export}: counters as reports (docs/report-format.md), one report per week. One week goes to
 * stdout; several weeks ({@code --weeks N}, {@code --since D}) go to one file per week in {@code --out DIR}, each a
 * report that {@code import} reads as it is.
 */
public final class ExportCommand implements Command {
    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "Write counters as JSON reports, one per week: one week to stdout, several to a folder";
    }

    @Override
    public String usage() {
        return "usage: crashwatch export [--week D | --weeks N | --since D] [--out DIR]\n"
                + "  --week D    the week holding day D (default: the latest week with counters)\n"
                + "  --weeks N   the last N weeks, this one included, that have counters\n"
                + "  --since D   every week with counters from the week holding day D on\n"
                + "  --out DIR   write each week's report to DIR/<week>-<id>.json (needed for several weeks);\n"
                + "              without it the one report goes to stdout";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArgs a = CommandArgs.parse(args, Set.of(), Set.of("--week", "--weeks", "--since", "--out"))
                .noPositional();
        if (Set.of("--week", "--weeks", "--since").stream().filter(o -> a.option(o).isPresent()).count() > 1) {
            throw new UsageException("give one of --week, --weeks and --since");
        }
        Store store = Store.openDefault();
        Optional<Integer> lastWeeks = a.positiveInt("--weeks");
        Optional<LocalDate> from = a.date("--since").map(Weeks::startOf)
                .or(() -> lastWeeks.map(n -> Weeks.current().minusWeeks(n - 1L)));
        Optional<LocalDate> oneWeek = a.date("--week").map(Weeks::startOf);
        List<LocalDate> weeks;
        String when;
        if (from.isPresent()) {
            weeks = Exporter.weeksSince(store, from.get());
            when = " since the week of " + from.get();
        } else if (oneWeek.isPresent()) {
            weeks = Exporter.weeksSince(store, oneWeek.get()).stream().limit(1).filter(oneWeek.get()::equals).toList();
            when = " in the week of " + oneWeek.get();
        } else {
            weeks = Exporter.latestWeek(store).stream().toList();
            when = "";
        }
        if (weeks.isEmpty()) {
            err.println("crashwatch export: no counters recorded" + when + " in " + store.dir() + ": nothing to export");
            return 1;
        }
        Optional<String> dir = a.option("--out");
        if (dir.isEmpty() && weeks.size() > 1) {
            throw new UsageException(weeks.size() + " weeks have counters: give --out DIR for one file per week");
        }
        if (dir.isPresent() && Files.exists(Path.of(dir.get())) && !Files.isDirectory(Path.of(dir.get()))) {
            err.println("crashwatch export: " + dir.get() + ": not a directory (--out names the folder for the reports)");
            return 1;
        }
        int status = 0;
        for (LocalDate week : weeks) {
            Report report = Exporter.export(store, week);
            String json = ReportJson.write(report);
            int entries = report.entries().size();
            String summary = "week of " + week + ", " + entries + (entries == 1 ? " entry" : " entries");
            if (dir.isPresent()) {
                Path file = Path.of(dir.get()).resolve(week + "-" + report.id() + ".json");
                Files.createDirectories(file.getParent());
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    // The week's ID is kept, so its file name is too: an unchanged week is there already.
                    boolean same = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                            && Files.readString(file).equals(json);
                    if (!same) {
                        err.println("crashwatch export: " + file + " exists with other counts (the week has grown "
                                + "since): not overwritten; move it away first");
                        status = 1;
                        continue;
                    }
                    summary += ", unchanged since " + file.getFileName() + " was written";
                } else {
                    Files.writeString(file, json, StandardOpenOption.CREATE_NEW);
                }
                out.println(file);
            } else {
                out.println(json); // a line of its own: the next output (or the prompt) does not start after the '}'
            }
            err.println("crashwatch export: " + summary + ", report " + report.id());
            if (!week.isBefore(Weeks.current())) {
                err.println("crashwatch export: the week of " + week + " has not ended: where this report is imported,"
                        + " a later export of the week adds nothing (a store takes one export of a week)");
            }
        }
        return status;
    }
}
