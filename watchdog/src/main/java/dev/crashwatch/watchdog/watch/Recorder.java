package dev.crashwatch.watchdog.watch;

import java.nio.file.Path;

/** Where the watch sends what must be counted. Implementations never throw; they report failures as they can. */
public interface Recorder {
    /** A complete crash record: the text of an uncaught exception. */
    void crash(Session session, byte[] text);

    /** A fatal error log the JVM left behind. */
    void fatalLog(Session session, Path log);

    /** A plain counter ({@code crash/oom-exit}, {@code crash/signal/...}). */
    void plain(Session session, String counterName);

    /** Input that cannot be read: counted as {@code crash/malformed} and kept. {@code session} may be null. */
    void malformed(Session session, byte[] raw);

    /**
     * A JVM that said hello has ended (crashed or not): one run, for crashes per 1,000 runs. The default records
     * nothing, for recorders that do not count runs.
     */
    default void ran(Session session) {
    }

    /** Returns once everything sent so far is recorded (durable in the store). */
    void close();
}
