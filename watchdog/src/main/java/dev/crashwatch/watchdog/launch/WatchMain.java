package dev.crashwatch.watchdog.launch;

import dev.crashwatch.agent.wire.Pid;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.watch.Diagnostics;
import dev.crashwatch.watchdog.watch.KnownJvm;
import dev.crashwatch.watchdog.watch.Labels;
import dev.crashwatch.watchdog.watch.StreamDiagnostics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The Java half of a run started by the native launcher {@code crashwatch-run} (docs/native.md): it reads the
 * crash pipe the launcher made while the child runs and records what it reads, exactly as {@link Launcher} does.
 * {@code crashwatch-run} starts it beside the child, with the forwarded signals ignored, as
 * {@code java -Xrs ... WatchMain FIFO CHILD_PID STARTED_MILLIS [--program P] [--version V] [-- CMD ARGS...]} (the
 * child's start, in milliseconds since the epoch, taken just before it; the child's command as the user gave it,
 * without the agent; the child's working directory and environment are this process's own, with the child's
 * {@code JAVA_TOOL_OPTIONS} in {@code CRASHWATCH_CHILD_TOOL_OPTIONS}); its stdin carries one line once the
 * child is gone, {@code exit N} (N as {@code Process.exitValue()} gives it: 128+S when signal S killed it). End of
 * stdin without that line (the launcher was killed) means: wait for the child to be gone, status unknown.
 * The store is the one that holds the FIFO ({@code <store>/run/<dir>/crash.pipe}).
 */
public final class WatchMain {
    static final String EXIT = "exit ";

    private WatchMain() {
    }

    public static void main(String[] args) throws Exception {
        Diagnostics diagnostics = new StreamDiagnostics(System.err);
        if (args.length < 3) {
            diagnostics.note("usage: WatchMain FIFO CHILD_PID STARTED_MILLIS [--program P] [--version V]"
                    + " [-- CMD ARGS...]");
            System.exit(2);
        }
        Path pipe = Path.of(args[0]).toAbsolutePath();
        long childPid = Long.parseLong(args[1]);
        Store store = Store.at(pipe.getParent().getParent().getParent());
        try (Fifo fifo = Fifo.open(pipe)) {
            RunWatch watch = RunWatch.start(store, labels(args), diagnostics, fifo, Pid.current());
            OptionalInt status = childStatus(System.in, childPid);
            // The child's facts are read once it is gone, not while it starts beside this JVM.
            KnownJvm child = new KnownJvm(childPid, Path.of("").toAbsolutePath(), childErrorFile(args, System.getenv()),
                    Long.parseLong(args[2]));
            watch.finish(child, status);
        } catch (IOException e) {
            diagnostics.note("cannot read the crash pipe " + pipe + " (" + e.getMessage() + "); crashes are not recorded");
        }
        System.exit(0);
    }

    private static Labels labels(String[] args) {
        String program = null;
        String version = null;
        int end = commandStart(args);
        for (int i = 3; i + 1 < end; i += 2) {
            if (args[i].equals("--program")) {
                program = args[i + 1];
            } else if (args[i].equals("--version")) {
                version = args[i + 1];
            }
        }
        return new Labels(program, version);
    }

    /**
     * The child's {@code -XX:ErrorFile} ({@link ChildErrorFile}): its command is what follows {@code --} in
     * {@code args}, its environment is {@code env} with its {@code JAVA_TOOL_OPTIONS} given back.
     */
    static String childErrorFile(String[] args, Map<String, String> env) {
        Map<String, String> childEnv = new HashMap<>(env);
        ChildCommand.restoreUsersToolOptions(childEnv);
        List<String> command = Arrays.asList(args).subList(Math.min(commandStart(args) + 1, args.length), args.length);
        return ChildErrorFile.of(command, childEnv);
    }

    /** The index of the {@code --} before the child's command; {@code args.length} when there is none. */
    private static int commandStart(String[] args) {
        for (int i = 3; i < args.length; i++) {
            if (args[i].equals("--")) {
                return i;
            }
        }
        return args.length;
    }

    /** Blocks until the launcher tells the child's status; on end of input, until the child is gone. */
    static OptionalInt childStatus(InputStream in, long childPid) throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
        if (line != null && line.startsWith(EXIT)) {
            try {
                return OptionalInt.of(Integer.parseInt(line.substring(EXIT.length()).trim()));
            } catch (NumberFormatException e) {
                // Not a status: unknown, as below.
            }
        }
        ProcessHandle.of(childPid).ifPresent(h -> h.onExit().join());
        return OptionalInt.empty();
    }
}
