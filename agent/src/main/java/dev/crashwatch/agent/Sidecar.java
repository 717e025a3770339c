package dev.crashwatch.agent;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Starts the sidecar: a small watchdog JVM ({@code SidecarMain} in crashwatch.jar) whose stdin is the crash pipe,
 * behind the native relay ({@code crashwatch-relay} beside crashwatch.jar) where there is one: the relay holds the
 * pipe while the application lives and starts the JVM only when there is something to record. It does not hold the
 * application's stdout or stderr (discarded; its stderr goes to the store's sidecar log), it runs in a session of its
 * own where {@code setsid} exists (a Ctrl-C or a closed terminal does not take it down before it has read the
 * crash), and its environment tells any agent in it to do nothing.
 */
final class Sidecar {
    static final String MAIN_CLASS = "dev.crashwatch.watchdog.sidecar.SidecarMain";
    static final String WATCHDOG_JAR = "crashwatch.jar";
    /** The native relay, beside the watchdog jar (docs/native.md). */
    static final String RELAY = "crashwatch-relay";
    /** Set (non-empty): never use the native helpers, start the JVM sidecar directly. */
    static final String NO_NATIVE_ENV = "CRASHWATCH_NO_NATIVE";
    /** Environment variables naming the watchdog jar and the sidecar's java when no option does. */
    static final String WATCHDOG_ENV = "CRASHWATCH_WATCHDOG";
    static final String JAVA_ENV = "CRASHWATCH_JAVA";
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
    /**
     * The class-data sharing archive of crashwatch.jar's classes that {@code ./crashwatch} makes beside it on first
     * use: mapped by the sidecar when it is there (a Java sidecar the relay starts at a crash counts it in about half
     * the time; docs/benchmarks.md). One made by another JDK, or for an older jar, is rejected by the JVM, which
     * then starts without it: {@code -Xlog:disable} keeps that notice out of the sidecar log.
     */
    static final String SHARED_ARCHIVE = "crashwatch.jsa";
    private static final String[] STRIPPED_ENV = {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"};
    private static final File SETSID = new File("/usr/bin/setsid");
    private static final File SH = new File("/bin/sh");
    private static final File MKFIFO = new File("/usr/bin/mkfifo");
    private static final String FIFO_PREFIX = "sidecar-";
    /**
     * Starts the command in the background with this shell's stdin (the crash pipe; a background job's stdin would
     * otherwise be /dev/null) and exits at once. The JDK waits for each child it started on a "process reaper"
     * thread blocked in waitpid(2), and HotSpot delays its exit by up to 300 ms while any thread is blocked in
     * native code: a direct child living as long as the JVM would cost every exit those 300 ms. The shell is gone
     * in a millisecond; the sidecar it leaves is adopted by init. Its stdin is then a FIFO, not the JDK's pipe.
     */
    static final String DETACH_SCRIPT = "exec 3<&0; \"$0\" \"$@\" <&3 3<&- &";

    private Sidecar() {
    }

    /**
     * Starts the sidecar for this JVM ({@code pid}, its {@code -XX:ErrorFile} setting or null); returns the write end
     * of its stdin, or null (the reason then in the sidecar log).
     */
    static OutputStream start(AgentOptions options, StoreDir store, long pid, String errorFile) {
        SidecarLog log = new SidecarLog(store);
        File jar = watchdogJar(options);
        if (jar == null || !jar.isFile()) {
            log.write(pid, "sidecar not started: watchdog jar not found (" + jar
                    + "); give its path in the agent option watchdog= or $" + WATCHDOG_ENV);
            return null;
        }
        File java = javaExecutable(options);
        if (!java.canExecute()) {
            log.write(pid, "sidecar not started: no java executable at " + java + "; set java= or $" + JAVA_ENV);
            return null;
        }
        List<String> command = command(java, jar, options, store);
        if (pid > 0) {
            command.addAll(thisJvm(pid, errorFile));
        }
        ProcessBuilder builder = new ProcessBuilder(detached(command));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        File logFile = log.prepared();
        builder.redirectError(logFile != null ? ProcessBuilder.Redirect.appendTo(logFile)
                : ProcessBuilder.Redirect.DISCARD);
        if (store.dir().isDirectory()) {
            builder.directory(store.dir());
        }
        Map<String, String> env = builder.environment();
        for (String name : STRIPPED_ENV) {
            env.remove(name);
        }
        env.put(Agent.SIDECAR_ENV, "1");
        try {
            return canDetach() ? startDetached(builder, pid) : builder.start().getOutputStream();
        } catch (IOException | RuntimeException e) {
            log.write(pid, "sidecar not started: " + e);
            return null;
        }
    }

    /**
     * Starts the sidecar through {@link #DETACH_SCRIPT} with a FIFO as its stdin, the agent holding the write end:
     * a pipe of the JDK's own ({@code Redirect.PIPE}) is closed by the JDK as soon as the shell exits. The FIFO is
     * made private (0600) in the temp directory, opened read-write by the agent first (so that neither open blocks),
     * handed to the shell, and unlinked at once: only the two open ends remain.
     */
    private static OutputStream startDetached(ProcessBuilder builder, long pid) throws IOException {
        File fifo = new File(fifoDir(), FIFO_PREFIX + pid + "-" + Long.toHexString(System.nanoTime()) + ".fifo");
        fifo.deleteOnExit();
        try {
            mkfifo(fifo);
            RandomAccessFile writeEnd = new RandomAccessFile(fifo, "rw");
            try {
                builder.redirectInput(fifo).start();
            } catch (IOException | RuntimeException e) {
                writeEnd.close();
                throw e;
            }
            return new FileOutputStream(writeEnd.getFD());
        } finally {
            fifo.delete();
        }
    }

    /**
     * The private directory the FIFOs are made in, {@code <tmpdir>/crashwatch-<user>}, swept of FIFOs whose JVM is
     * gone: a JVM that exits while its start-up thread is between mkfifo and unlink leaves one behind.
     */
    private static File fifoDir() throws IOException {
        File dir = new File(System.getProperty("java.io.tmpdir"), "crashwatch-" + System.getProperty("user.name"));
        if (!dir.isDirectory()) {
            if (!dir.mkdir() && !dir.isDirectory()) {
                throw new IOException("cannot make " + dir);
            }
            dir.setReadable(false, false);
            dir.setWritable(false, false);
            dir.setExecutable(false, false);
            dir.setReadable(true, true);
            dir.setWritable(true, true);
            dir.setExecutable(true, true);
        }
        sweep(dir);
        return dir;
    }

    private static void sweep(File dir) {
        String[] names = dir.list();
        for (int i = 0; names != null && i < names.length; i++) {
            String name = names[i];
            int end = name.indexOf('-', FIFO_PREFIX.length());
            if (name.startsWith(FIFO_PREFIX) && end > 0
                    && !new File("/proc/" + name.substring(FIFO_PREFIX.length(), end)).exists()) {
                new File(dir, name).delete();
            }
        }
    }

    private static void mkfifo(File fifo) throws IOException {
        Process mkfifo = new ProcessBuilder(MKFIFO.getPath(), "-m", "600", fifo.getPath())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (mkfifo.waitFor() != 0) {
                throw new IOException("mkfifo " + fifo + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted making " + fifo);
        }
    }

    private static boolean canDetach() {
        return SH.canExecute() && MKFIFO.canExecute();
    }

    /**
     * The command line: the sidecar JVM, small, running SidecarMain with the store and the program's name; behind
     * the relay when there is one ({@code crashwatch-relay JAVA ARGS...}).
     */
    static List<String> command(File java, File jar, AgentOptions options, StoreDir store) {
        List<String> command = new ArrayList<>();
        if (SETSID.canExecute()) {
            command.add(SETSID.getPath());
        }
        File relay = relay(jar);
        if (relay != null) {
            command.add(relay.getPath());
        }
        command.add(java.getPath());
        String fromEnv = System.getenv(JVM_OPTIONS_ENV);
        if (fromEnv == null || fromEnv.trim().isEmpty()) {
            command.addAll(Arrays.asList(JVM_OPTIONS));
            File archive = besideJar(jar, SHARED_ARCHIVE, false);
            if (archive != null) {
                command.add("-XX:SharedArchiveFile=" + archive.getPath());
                command.add("-Xlog:disable");
            }
        } else {
            command.addAll(Arrays.asList(fromEnv.trim().split("\\s+")));
        }
        command.add("-cp");
        command.add(jar.getPath());
        command.add(MAIN_CLASS);
        command.add("--dir");
        command.add(store.dir().getPath());
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

    /** The command run through {@link #DETACH_SCRIPT} where there is a POSIX shell and mkfifo; as it is elsewhere. */
    static List<String> detached(List<String> command) {
        if (!canDetach()) {
            return command;
        }
        List<String> detached = new ArrayList<>();
        detached.add(SH.getPath());
        detached.add("-c");
        detached.add(DETACH_SCRIPT);
        detached.addAll(command);
        return detached;
    }

    /** The executable relay beside the watchdog jar; null if there is none or {@code $CRASHWATCH_NO_NATIVE} is set. */
    static File relay(File jar) {
        String noNative = System.getenv(NO_NATIVE_ENV);
        return noNative != null && !noNative.isEmpty() ? null : besideJar(jar, RELAY, true);
    }

    /**
     * The file {@code name} beside the watchdog jar, or beside the file the jar links to (an application directory
     * holding a link to crashwatch.jar); null if there is none (or it is not executable, when it has to be).
     */
    static File besideJar(File jar, String name, boolean executable) {
        File beside = new File(jar.getAbsoluteFile().getParentFile(), name);
        if (executable ? beside.canExecute() : beside.isFile()) {
            return beside;
        }
        try {
            File real = new File(jar.getCanonicalFile().getParentFile(), name);
            return (executable ? real.canExecute() : real.isFile()) ? real : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code watchdog=}, else {@code $CRASHWATCH_WATCHDOG}, else crashwatch.jar beside the jar the agent came from. */
    static File watchdogJar(AgentOptions options) {
        if (options.watchdog() != null) {
            return new File(options.watchdog());
        }
        String fromEnv = System.getenv(WATCHDOG_ENV);
        if (fromEnv != null && !fromEnv.trim().isEmpty()) {
            return new File(fromEnv);
        }
        File agentJar = agentJar();
        return agentJar == null ? null : new File(agentJar.getParentFile(), WATCHDOG_JAR);
    }

    /**
     * The jar (or directory) this agent's classes were loaded from: the agent jar, or an app jar embedding it. Classes
     * from the boot class path (the agent jar's {@code Boot-Class-Path}) have no code source; {@link AgentJar} finds it.
     */
    static File agentJar() {
        try {
            CodeSource source = Sidecar.class.getProtectionDomain().getCodeSource();
            return source == null ? AgentJar.onBootClassPath() : new File(source.getLocation().toURI()).getAbsoluteFile();
        } catch (Exception e) {
            return null;
        }
    }

    private static File javaExecutable(AgentOptions options) {
        if (options.java() != null) {
            return new File(options.java());
        }
        String fromEnv = System.getenv(JAVA_ENV);
        if (fromEnv != null && !fromEnv.trim().isEmpty()) {
            return new File(fromEnv);
        }
        return new File(new File(System.getProperty("java.home"), "bin"), "java");
    }
}
