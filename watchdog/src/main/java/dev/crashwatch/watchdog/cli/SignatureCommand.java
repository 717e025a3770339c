package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.signature.Explanation;
import dev.crashwatch.watchdog.signature.LineResolver;
import dev.crashwatch.watchdog.signature.LineResolvers;
import dev.crashwatch.watchdog.signature.Signatures;
import dev.crashwatch.watchdog.signature.StackIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code crashwatch signature}: prints the counter name a crash text (Java trace or hs_err log) would increment, exactly
 * as the live pipeline names it, touching nothing on disk.
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
                usage: crashwatch signature [--explain] [--id] [--classpath JARS] [FILE]
                  Reads a Java stack trace or a HotSpot fatal error log (hs_err) from FILE, or stdin when no FILE,
                  and prints on stdout only the counter name the watchdog would increment for it (crash/malformed
                  when it cannot be read); its stack ID goes to stderr as "stack ID: XXXXXX". Touches nothing.
                  --classpath JARS  the application's class path (':'-separated jars and directories): frame lines
                                    become relative to their method (Class.method:+N) as in the live pipeline;
                                    without it, lines are absolute and marked (Class.method:=N)
                  --id              print only the stack ID on stdout
                  --explain         print the name, then each input frame beside what happened to it""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(args);
        String text = read(options.file());
        LineResolver lines = options.classPath() == null ? LineResolver.NONE : LineResolvers.forClassPath(options.classPath());
        if (options.explain()) {
            Signatures.Explained explained = Signatures.explain(text, lines);
            printExplanation(explained, out);
            return 0;
        }
        String name = Signatures.counterName(text, lines);
        if (options.idOnly()) {
            out.println(StackIds.of(name));
        } else {
            out.println(name);
            err.println("stack ID: " + StackIds.of(name));
        }
        return 0;
    }

    private record Options(boolean explain, boolean idOnly, String classPath, String file) {
        static Options parse(List<String> args) throws UsageException {
            boolean explain = false;
            boolean idOnly = false;
            String classPath = null;
            String file = null;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--explain" -> explain = true;
                    case "--id" -> idOnly = true;
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
            if (explain && idOnly) {
                throw new UsageException("--explain and --id do not go together");
            }
            return new Options(explain, idOnly, classPath, file);
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
