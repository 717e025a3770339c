package dev.crashwatch.agent.sidecar;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the sidecar: a small watchdog JVM ({@code SidecarMain} in crashwatch.jar) whose stdin is the crash pipe,
 * behind the native relay ({@code crashwatch-relay} beside crashwatch.jar) where there is one: the relay holds the
 * pipe while the application lives and starts the JVM only when there is something to record. It does not hold the
 * application's stdout or stderr (discarded; its stderr goes to the store's sidecar log), it is not the JVM's child
 * once started, and its environment tells any agent in it to do nothing. What runs is {@link SidecarCommand}; where
 * its files are, {@link WatchdogFiles}.
 */
public final class Sidecar {
    /** Set in the sidecar's environment: a JVM that sees it is crashwatch itself, and its agent does nothing. */
    public static final String ENV = "CRASHWATCH_SIDECAR";
    private static final String[] STRIPPED_ENV = {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"};
    private static final File SH = new File("/bin/sh");
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
     * Starts the sidecar for this JVM ({@code pid}, its {@code -XX:ErrorFile} setting or null) on the store
     * {@code storeDir}; returns the write end of its stdin, or null (the reason then in the sidecar log).
     */
    public static OutputStream start(SidecarOptions options, File storeDir, long pid, String errorFile) {
        SidecarStartLog log = new SidecarStartLog(storeDir);
        File jar = WatchdogFiles.watchdogJar(options);
        if (jar == null || !jar.isFile()) {
            log.write(pid, "sidecar not started: watchdog jar not found (" + jar
                    + "); give its path in the agent option watchdog= or $" + WatchdogFiles.WATCHDOG_ENV);
            return null;
        }
        File java = WatchdogFiles.javaExecutable(options);
        if (!java.canExecute()) {
            log.write(pid, "sidecar not started: no java executable at " + java + "; set java= or $"
                    + WatchdogFiles.JAVA_ENV);
            return null;
        }
        List<String> command = SidecarCommand.command(java, jar, options, storeDir);
        if (pid > 0) {
            command.addAll(SidecarCommand.thisJvm(pid, errorFile));
        }
        ProcessBuilder builder = builder(detached(command), storeDir, log);
        try {
            return canDetach() ? startDetached(builder, pid) : builder.start().getOutputStream();
        } catch (IOException | RuntimeException e) {
            log.write(pid, "sidecar not started: " + e);
            return null;
        }
    }

    /** Output discarded, errors to the sidecar log, in the store, without the JVM options that would attach agents. */
    private static ProcessBuilder builder(List<String> command, File storeDir, SidecarStartLog log) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        File logFile = log.prepared();
        builder.redirectError(logFile != null ? ProcessBuilder.Redirect.appendTo(logFile)
                : ProcessBuilder.Redirect.DISCARD);
        if (storeDir.isDirectory()) {
            builder.directory(storeDir);
        }
        Map<String, String> env = builder.environment();
        for (String name : STRIPPED_ENV) {
            env.remove(name);
        }
        env.put(ENV, "1");
        return builder;
    }

    /**
     * Starts the sidecar through {@link #DETACH_SCRIPT} with a FIFO as its stdin, the agent holding the write end:
     * a pipe of the JDK's own ({@code Redirect.PIPE}) is closed by the JDK as soon as the shell exits. The FIFO is
     * opened read-write by the agent first (so that neither open blocks), handed to the shell, and unlinked at once:
     * only the two open ends remain.
     */
    private static OutputStream startDetached(ProcessBuilder builder, long pid) throws IOException {
        File fifo = SidecarFifo.make(pid);
        try {
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

    private static boolean canDetach() {
        return SH.canExecute() && SidecarFifo.available();
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
}
