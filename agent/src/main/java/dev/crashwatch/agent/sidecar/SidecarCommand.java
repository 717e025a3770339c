package dev.crashwatch.agent.sidecar;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sidecar's command line: {@code [setsid] [crashwatch-relay] java OPTIONS -cp crashwatch.jar SidecarMain --dir
 * STORE [--program P] [--version V] --pid PID --cwd DIR --started MILLIS [--error-file F]} (docs/protocol.md).
 */
final class SidecarCommand {
    static final String MAIN_CLASS = "dev.crashwatch.watchdog.sidecar.SidecarMain";
    /** Replaces {@link #JVM_OPTIONS} (whitespace-separated): for tuning and benchmarks. */
    static final String JVM_OPTIONS_ENV = "CRASHWATCH_SIDECAR_JVM_OPTIONS";
    /**
     * A small-footprint JVM, measured in docs/benchmarks.md ("agent"): serial GC, a 16 MB heap, C1 only, small
     * stacks, no perf data, and the JDK's class-data sharing archive mapped where it was built
     * ({@code ArchiveRelocationMode=0}: relocating it, the default of recent JDK 17 builds, turns ~10 MB of it into
     * private memory). Unknown options are ignored, so a JDK without one still starts.
     */
    static final String[] JVM_OPTIONS = {
        "-XX:+IgnoreUnrecognizedVMOptions", "-Xshare:auto", "-XX:+UnlockDiagnosticVMOptions",
        "-XX:ArchiveRelocationMode=0", "-XX:+UseSerialGC", "-Xms2m", "-Xmx16m", "-XX:TieredStopAtLevel=1",
        "-XX:CICompilerCount=1", "-Xss256k", "-XX:-UsePerfData", "-XX:ReservedCodeCacheSize=8m",
        "-XX:MaxMetaspaceSize=64m",
    };
    private static final File SETSID = new File("/usr/bin/setsid");

    private SidecarCommand() {
    }

    /**
     * The command line: the sidecar JVM, small, running SidecarMain with the store and the program's name; behind
     * the relay when there is one ({@code crashwatch-relay JAVA ARGS...}); in a session of its own where
     * {@code setsid} exists (a Ctrl-C or a closed terminal does not take it down before it has read the crash).
     */
    static List<String> command(File java, File jar, SidecarOptions options, File storeDir) {
        List<String> command = new ArrayList<>();
        if (SETSID.canExecute()) {
            command.add(SETSID.getPath());
        }
        File relay = WatchdogFiles.relay(jar);
        if (relay != null) {
            command.add(relay.getPath());
        }
        command.add(java.getPath());
        command.addAll(jvmOptions(jar, java));
        command.add("-cp");
        command.add(jar.getPath());
        command.add(MAIN_CLASS);
        command.add("--dir");
        command.add(storeDir.getPath());
        if (options.program() != null) {
            command.add("--program");
            command.add(options.program());
        }
        if (options.version() != null) {
            command.add("--version");
            command.add(options.version());
        }
        return command;
    }

    /** {@code $CRASHWATCH_SIDECAR_JVM_OPTIONS}, else {@link #JVM_OPTIONS} and the jar's archive for that java, if any. */
    private static List<String> jvmOptions(File jar, File java) {
        String fromEnv = System.getenv(JVM_OPTIONS_ENV);
        if (fromEnv != null && !fromEnv.trim().isEmpty()) {
            return Arrays.asList(fromEnv.trim().split("\\s+"));
        }
        List<String> options = new ArrayList<>(Arrays.asList(JVM_OPTIONS));
        File archive = WatchdogFiles.sharedArchive(jar, java);
        if (archive != null) {
            options.add("-XX:SharedArchiveFile=" + archive.getPath());
            options.add("-Xlog:disable");
        }
        return options;
    }

    /**
     * Names this JVM to the sidecar: its pid, working directory (where HotSpot writes its fatal error log by default),
     * a time before which it cannot have crashed unseen and, when set, its {@code -XX:ErrorFile} ({@code errorFile},
     * as given: {@code %p} unexpanded, relative to the working directory). A JVM that dies of a fatal error before its
     * hello is out is then still counted.
     */
    static List<String> thisJvm(long pid, String errorFile) {
        List<String> args = new ArrayList<>();
        args.add("--pid");
        args.add(Long.toString(pid));
        args.add("--cwd");
        args.add(System.getProperty("user.dir"));
        args.add("--started");
        args.add(Long.toString(System.currentTimeMillis()));
        if (errorFile != null && !errorFile.isEmpty()) {
            args.add("--error-file");
            args.add(errorFile);
        }
        return args;
    }
}
