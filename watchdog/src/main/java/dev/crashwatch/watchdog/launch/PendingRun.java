package dev.crashwatch.watchdog.launch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pending run: the file the native launcher writes into the store's spool before it starts its Java half
 * (docs/native.md, "Pending runs"), holding everything that Java half needs to finish the run, so that any later
 * watchdog can finish it if the Java half is killed first. This class owns its name and format; the C launcher
 * repeats them ({@code launch.NativeContractTest} pins them).
 *
 * <p>Name: {@code <store>/spool/run-<child pid>-<child start millis>.pending}, written as {@code .<name>.tmp} and
 * renamed into place. Content: the line {@code crashwatch-pending-run 1}, then fields each ended by a NUL byte -
 * {@code half=<pid>} (the Java half's pid), {@code ended=<millis>} (when the child was gone), {@code cwd=<dir>} (the
 * child's working directory), {@code env=NAME=VALUE} for each of the child's JVM option variables that was set, and
 * one {@code arg=<arg>} per argument of the Java half's command after its main class - then an empty field, then
 * what the launcher read from the crash pipe (CW1 frames) to the end of the file.
 */
public record PendingRun(String name, long halfPid, long endedMillis, Path cwd, Map<String, String> childEnv,
                         List<String> args) {
    public static final String PREFIX = "run-";
    public static final String SUFFIX = ".pending";
    /** The first line of the file. */
    public static final String MAGIC = "crashwatch-pending-run 1";
    /** The Java half's option that names its pending run. */
    public static final String OPTION = "--pending";
    public static final String HALF = "half=";
    public static final String ENDED = "ended=";
    public static final String CWD = "cwd=";
    public static final String ENV = "env=";
    public static final String ARG = "arg=";
    /** The child's JVM option variables it keeps (those that say where the child's fatal error log goes). */
    public static final List<String> CHILD_ENV = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
    /** Largest head (everything before the held bytes) read: a command line is at most a few MiB. */
    static final int MAX_HEAD = 8 << 20;
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "\\d{1,18}-\\d{1,18}"
            + Pattern.quote(SUFFIX));

    /** Whether {@code fileName} is a pending run's. */
    static boolean isName(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    /** The ID the run's counts are added under: {@code pending/<name>}. */
    String id() {
        return "pending/" + name;
    }

    /**
     * Reads the head of {@code file} and hands the rest - the held bytes - to {@code held}, which reads them before
     * the file is closed.
     */
    static PendingRun read(Path file, HeldBytes held) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS))) {
            PendingRun run = head(file.getFileName().toString(), in);
            held.read(run, in);
            return run;
        }
    }

    /** What reads the held bytes of a pending run. */
    interface HeldBytes {
        void read(PendingRun run, InputStream held) throws IOException;
    }

    private static PendingRun head(String name, InputStream in) throws IOException {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IOException("not a pending run's name: " + name);
        }
        int[] left = {MAX_HEAD};
        if (!field(in, '\n', left).equals(MAGIC)) {
            throw new IOException("not a pending run (or of a newer format): " + name);
        }
        long half = -1;
        long ended = -1;
        Path cwd = null;
        Map<String, String> env = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        for (String f = field(in, '\0', left); !f.isEmpty(); f = field(in, '\0', left)) {
            if (f.startsWith(HALF)) {
                half = Long.parseLong(f.substring(HALF.length()));
            } else if (f.startsWith(ENDED)) {
                ended = Long.parseLong(f.substring(ENDED.length()));
            } else if (f.startsWith(CWD)) {
                cwd = Path.of(f.substring(CWD.length()));
            } else if (f.startsWith(ENV) && f.indexOf('=', ENV.length()) > ENV.length()) {
                int eq = f.indexOf('=', ENV.length());
                String var = f.substring(ENV.length(), eq);
                if (CHILD_ENV.contains(var)) {
                    env.put(var, f.substring(eq + 1));
                }
            } else if (f.startsWith(ARG)) {
                args.add(f.substring(ARG.length()));
            } // a field of a later version: skipped
        }
        if (half <= 0 || ended < 0 || cwd == null || args.isEmpty()) {
            throw new IOException("a pending run without its half, ended, cwd or arguments: " + name);
        }
        return new PendingRun(name, half, ended, cwd, env, List.copyOf(args));
    }

    /**
     * Bytes up to {@code end} (not included), as UTF-8; an IOException at the end of the file or once the head has
     * taken {@link #MAX_HEAD} bytes ({@code left[0]}: what it may still take).
     */
    private static String field(InputStream in, char end, int[] left) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != end; b = in.read()) {
            if (b < 0 || --left[0] < 0) {
                throw new IOException("a pending run's head cut off or too long");
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
