package dev.crashwatch.samples;

/**
 * An application that installs its own default uncaught-exception handler after the agent, then crashes in
 * {@code main}: the handler takes the crash, so crashwatch cannot see it, and says so ({@code BYE} carries
 * {@code handlerReplaced=true}; the watchdog counts {@code crashwatch/handler-replaced}). Exits 1, as any JVM whose
 * main thread ended with an uncaught exception.
 */
public final class OwnHandler {
    private OwnHandler() {
    }

    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler(
                (thread, e) -> System.err.println("own handler took " + e.getClass().getName()));
        throw new IllegalStateException("taken by the application's own handler");
    }
}
