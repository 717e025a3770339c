package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code crashwatch csv}: every counter as one CSV row on one line (RFC 4180, CRLF), with its file's program,
 * version, Java version, OS, arch and week, as {@code gotelemetry csv}. A stack counter's lines are joined with
 * {@value #LINE_SEPARATOR} so that a spreadsheet shows one row per counter.
 */
public final class CsvCommand implements Command {
    static final String HEADER = "program,version,javaVersion,os,arch,weekStart,stackId,count,name";
    /** Stands for a line break of a counter name; a name's lines are identifiers and never hold it. */
    static final String LINE_SEPARATOR = " / ";

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String summary() {
        return "Print every counter as CSV, one row per file and counter";
    }

    @Override
    public String usage() {
        return "usage: crashwatch csv\n"
                + "  One row per counter and counter file, one line per row (CRLF, RFC 4180 quoting). The name\n"
                + "  column holds the counter name with its lines joined by ' / ': prefix, type or kind, frames.";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArgs.parse(args, Set.of(), Set.of()).noPositional();
        out.print(HEADER + "\r\n");
        for (CounterFile f : Store.openDefault().counterFiles()) {
            CounterFileKey k = f.key();
            f.counters().forEach((name, n) -> out.print(Stream.of(k.program(), k.version(), k.javaVersion(), k.os(),
                    k.arch(), k.weekStart().toString(), StackIds.of(name), Long.toString(n), oneLine(name))
                    .map(CsvCommand::field).collect(Collectors.joining(",")) + "\r\n"));
        }
        return 0;
    }

    /** A counter name on one line: its lines joined with {@link #LINE_SEPARATOR}. */
    static String oneLine(String name) {
        return name.replace("\n", LINE_SEPARATOR);
    }

    /** A CSV field, quoted when it holds a comma, quote or line break. */
    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
