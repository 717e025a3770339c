package dev.crashwatch.watchdog.watch;

import dev.crashwatch.agent.wire.PrivateDir;
import dev.crashwatch.agent.wire.Wire;
import dev.crashwatch.watchdog.pipe.Hello;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the fatal error log ({@code hs_err_pid<pid>.log}) a dead JVM wrote, where HotSpot puts it: the
 * {@code -XX:ErrorFile} path ({@code %p} expanded, relative to the JVM's working directory), else the working
 * directory, else the temp directory. Only a log written since the JVM started counts: HotSpot never overwrites
 * an existing log, so an older one with the same pid belongs to another JVM. And since {@code /tmp} is shared
 * with other users, who could plant a log for a pid about to die, a log counts only when it is a regular file (not
 * a link) owned by the JVM's user (this watchdog's: a JVM's watchdog runs as its user) and names that pid in its
 * header ({@code pid=<pid>,}). Logs are read, never moved.
 */
public final class FatalErrorLogs {
    /** File systems with coarse timestamps may date a fresh log slightly before the JVM's start instant. */
    private static final long CLOCK_SLACK_MILLIS = 2000;
    private static final String SYSTEM_TMP = "/tmp";
    /** HotSpot names the pid in the log's first lines ({@code # SIGSEGV (0xb) at pc=..., pid=123, tid=124}). */
    static final int HEADER_BYTES = 8192;

    private FatalErrorLogs() {
    }

    /** The log of JVM {@code pid}, if it wrote one; call only once the JVM is gone (the log is complete then). */
    public static Optional<Path> find(long pid, Hello hello) {
        if (!hello.isKnown()) {
            return Optional.empty();
        }
        long notBefore = hello.startMillis() - CLOCK_SLACK_MILLIS;
        for (Path p : candidates(pid, hello)) {
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && p.toFile().lastModified() >= notBefore
                    && PrivateDir.ownedByThisUser(p) && namesPid(p, pid)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Whether the log's header (its first {@link #HEADER_BYTES}) names {@code pid}, as HotSpot's does. */
    static boolean namesPid(Path p, long pid) {
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            String head = new String(in.readNBytes(HEADER_BYTES), StandardCharsets.ISO_8859_1);
            return head.contains("pid=" + pid + ",") || head.contains("pid=" + pid + "\n");
        } catch (IOException e) {
            return false;
        }
    }

    /** Where HotSpot may have written the log, in the order it tries. */
    static List<Path> candidates(long pid, Hello hello) {
        String name = "hs_err_pid" + pid + ".log";
        String cwd = hello.get(Wire.KEY_CWD);
        List<Path> paths = new ArrayList<>(4);
        String errorFile = hello.get(Wire.KEY_ERROR_FILE);
        if (!errorFile.isBlank()) {
            add(paths, cwd, expand(errorFile, pid));
        }
        if (!cwd.isBlank()) {
            add(paths, cwd, name);
        }
        String tmpdir = hello.get(Wire.KEY_TMPDIR);
        add(paths, "", (tmpdir.isBlank() ? SYSTEM_TMP : tmpdir) + File.separator + name);
        add(paths, "", SYSTEM_TMP + File.separator + name);
        return paths;
    }

    /** HotSpot's {@code ErrorFile} escapes: {@code %p} is the pid, {@code %%} a percent sign. */
    static String expand(String pattern, long pid) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%' && i + 1 < pattern.length() && (pattern.charAt(i + 1) == 'p' || pattern.charAt(i + 1) == '%')) {
                out.append(pattern.charAt(++i) == 'p' ? Long.toString(pid) : "%");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void add(List<Path> paths, String base, String file) {
        try {
            Path p = Path.of(file);
            Path resolved = p.isAbsolute() || base.isBlank() ? p : Path.of(base).resolve(p);
            if (!paths.contains(resolved)) {
                paths.add(resolved);
            }
        } catch (InvalidPathException e) {
            // Not a path this system can hold: HotSpot could not have written there either.
        }
    }
}
