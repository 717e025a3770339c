package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.signature.CounterNames;
import dev.crashwatch.watchdog.signature.Explanation;
import dev.crashwatch.watchdog.signature.LineResolver;
import dev.crashwatch.watchdog.signature.LineResolvers;
import dev.crashwatch.watchdog.signature.PasteMatches;
import dev.crashwatch.watchdog.signature.Signatures;
import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code crashwatch signature}: prints the counter name a crash text (Java trace or hs_err log) would increment, exactly
 * as the live pipeline names it, touching nothing on disk; says when a paste is too short for a full name, and with
 * {@code --match} lists the store's counters that agree with it.
 */
public final class SignatureCommand implements Command {
    /** The largest input read (a fatal error log is rarely over a megabyte; the naming needs its start). */
    static final int MAX_INPUT = 16 << 20;
    @Override
    public String name() {
        return "signature";
    }

    @Override
    public String summary() {
        return "Print the counter name a crash text (trace or hs_err log) would increment";
    }

    @Override
    public String usage() {
        return """
                usage: crashwatch signature [--explain] [--id] [--match] [--classpath JARS] [FILE]
                  Reads a Java stack trace or a HotSpot fatal error log (hs_err) from FILE, or stdin when no FILE,
                  and prints on stdout only the counter name the watchdog would increment for it (crash/malformed
                  when it cannot be read); its stack ID goes to stderr as "stack ID: XXXXXX". Pasted text may carry
                  chrome: talk around it, markdown, quote marks, log prefixes, HTML escapes, hard-wrapped lines.
                  A name is made of the top 16 frames: when the paste shows fewer and may be cut short, a note on
                  stderr says so (its counter's name may be longer; --match finds it).
                  --classpath JARS  the application's class path (':'-separated jars and directories): frame lines
                                    become relative to their method (Class.method:+N) as in the live pipeline;
                                    without it, lines are absolute and marked (Class.method:=N)
                  --id              print only the stack ID on stdout
                  --explain         print the name, then each input frame beside what happened to it
                  --match           print instead the store's counters whose frames agree with every frame the
                                    paste shows, best first (stack ID, crashes, name); status 1 when none does""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(args);
        String text = read(options.file());
        LineResolver lines = options.classPath() == null ? LineResolver.NONE : LineResolvers.forClassPath(options.classPath());
        Signatures.Explained explained = Signatures.explain(text, lines);
        if (options.explain()) {
            printExplanation(explained, out);
            return 0;
        }
        String name = explained.name();
        if (options.idOnly()) {
            out.println(StackIds.of(name));
        } else if (!options.match()) {
            out.println(name);
        }
        if (!options.idOnly()) {
            err.println("stack ID: " + StackIds.of(name));
        }
        explained.explanation().shortPaste().ifPresent(s -> err.println("note: the paste shows " + s.framesShown()
                + " of the " + s.framesUsed() + " frames a name is made of and " + s.why() + "; its counter's name "
                + "may be longer" + (options.match() ? "" : " (crashwatch signature --match finds it)")));
        return options.match() ? printMatches(name, out, err) : 0;
    }

    /** The store's counters that agree with the paste, best first; 1 when none does. */
    private static int printMatches(String name, PrintStream out, PrintStream err) throws IOException {
        Map<String, Long> counters = new HashMap<>();
        for (CounterFile f : Store.openDefault().counterFiles()) {
            f.counters().forEach((counter, n) -> counters.merge(counter, n, Long::sum));
        }
        List<PasteMatches.Match> matches = CounterNames.isStack(name) ? PasteMatches.rank(name, counters) : List.of();
        err.println(matches.size() + " counter" + (matches.size() == 1 ? "" : "s") + " of "
                + counters.size() + " in the store agree" + (matches.size() == 1 ? "s" : "") + " with the paste");
        for (PasteMatches.Match m : matches) {
            String[] lines = m.name().split("\n", -1);
            out.printf(Locale.ROOT, "%s  %d crash%s  %d frames agree%s%n", StackIds.of(m.name()), m.count(),
                    m.count() == 1 ? "" : "es", m.exact() + m.methodOnly(),
                    m.methodOnly() > 0 ? " (" + m.methodOnly() + " on the method only)" : "");
            for (String line : lines) {
                out.println("    " + line);
            }
        }
        return matches.isEmpty() ? 1 : 0;
    }

    private record Options(boolean explain, boolean idOnly, boolean match, String classPath, String file) {
        static Options parse(List<String> args) throws UsageException {
            boolean explain = false;
            boolean idOnly = false;
            boolean match = false;
            String classPath = null;
            String file = null;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--explain" -> explain = true;
                    case "--id" -> idOnly = true;
                    case "--match" -> match = true;
                    case "--classpath", "-cp" -> {
                        if (i + 1 >= args.size()) {
                            throw new UsageException(a + " needs a class path");
                        }
                        classPath = args.get(++i);
                    }
                    default -> {
                        if (a.startsWith("-") && !a.equals("-")) {
                            throw new UsageException("unknown option " + a);
                        }
                        if (file != null) {
                            throw new UsageException("one FILE at most (got " + file + " and " + a + ")");
                        }
                        file = a;
                    }
                }
            }
            if ((explain ? 1 : 0) + (idOnly ? 1 : 0) + (match ? 1 : 0) > 1) {
                throw new UsageException("--explain, --id and --match do not go together");
            }
            return new Options(explain, idOnly, match, classPath, file);
        }
    }

    private static String read(String file) throws IOException, UsageException {
        if (file == null || file.equals("-")) {
            return capped(System.in, "stdin");
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return capped(in, file);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        }
    }

    /** The text, or a one-line error past {@link #MAX_INPUT}: no crash text is that long, and a heap is finite. */
    private static String capped(InputStream in, String what) throws IOException, UsageException {
        byte[] bytes = in.readNBytes(MAX_INPUT + 1);
        if (bytes.length > MAX_INPUT) {
            throw new UsageException(what + " is larger than " + (MAX_INPUT >> 20) + " MiB: not a stack trace or fatal error log");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void printExplanation(Signatures.Explained explained, PrintStream out) {
        out.println("name (stack ID " + StackIds.of(explained.name()) + "):");
        for (String line : explained.name().split("\n", -1)) {
            out.println("  " + line);
        }
        Explanation e = explained.explanation();
        out.println("decisions:");
        for (String d : e.decisions()) {
            out.println("  - " + d);
        }
        out.println("frames (input -> what happened):");
        for (Explanation.FrameFate f : e.frames()) {
            out.println("  " + f.input());
            for (String fate : f.fates()) {
                out.println("      -> " + fate);
            }
        }
    }
}
