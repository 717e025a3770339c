package dev.crashwatch.agent;

import java.io.PrintStream;

/**
 * The default uncaught-exception handler crashwatch installs. It reports the crash first (bounded: a stuck watchdog
 * costs about a second at most), then behaves as the JVM would have without it: it hands the exception to the
 * default handler that was there before, or, when there was none, prints exactly what
 * {@code ThreadGroup.uncaughtException} prints. {@code ThreadDeath} is not a crash and is not reported.
 */
final class CrashHook implements Thread.UncaughtExceptionHandler {
    private final Agent agent;
    private final Thread.UncaughtExceptionHandler previous;

    private CrashHook(Agent agent, Thread.UncaughtExceptionHandler previous) {
        this.agent = agent;
        this.previous = previous;
    }

    /** Installs the hook as the default handler, chaining to the one already installed, if any. */
    static CrashHook install(Agent agent) {
        CrashHook hook = new CrashHook(agent, Thread.getDefaultUncaughtExceptionHandler());
        Thread.setDefaultUncaughtExceptionHandler(hook);
        return hook;
    }

    /** Whether the application has since installed a default handler of its own in place of this one. */
    boolean replaced() {
        return Thread.getDefaultUncaughtExceptionHandler() != this;
    }

    /** Puts back the handler that was there before, if this one is still installed. */
    void uninstall() {
        if (!replaced()) {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        if (!isThreadDeath(error)) {
            agent.reportCrash(thread, error);
        }
        if (previous != null) {
            previous.uncaughtException(thread, error);
        } else if (!isThreadDeath(error)) {
            printLikeTheJvm(System.err, thread, error);
        }
    }

    /** Runs this hook's own code once on a made-up exception, printing into nothing: see Agent.prepareForCrash. */
    void rehearse(Throwable sample) {
        if (!isThreadDeath(sample)) {
            printLikeTheJvm(new PrintStream(Rehearsal.DISCARD), Thread.currentThread(), sample);
        }
    }

    /** What {@code ThreadGroup.uncaughtException} prints when no default handler is set, byte for byte. */
    private static void printLikeTheJvm(PrintStream err, Thread thread, Throwable error) {
        err.print("Exception in thread \"" + thread.getName() + "\" ");
        error.printStackTrace(err);
    }

    /**
     * Resolves what the hook asks of every error before it reports one: {@code ThreadDeath}, which JDK 21 and later
     * load only on first use; loading it at the crash of an {@code OutOfMemoryError} needs heap there is none of,
     * and the hook would fail before the report (Agent.prepareForHeapExhaustion).
     */
    static void resolveEarly() {
        isThreadDeath(new Error());
    }

    @SuppressWarnings("removal")
    private static boolean isThreadDeath(Throwable error) {
        try {
            return error instanceof ThreadDeath;
        } catch (LinkageError gone) {
            return false;
        }
    }
}
