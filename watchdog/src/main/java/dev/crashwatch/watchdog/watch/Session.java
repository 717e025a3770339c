package dev.crashwatch.watchdog.watch;

import dev.crashwatch.watchdog.pipe.Hello;

/** What the watchdog has heard from one JVM (one pid) on the pipe. */
public final class Session {
    private final long pid;
    private volatile Hello hello = Hello.NONE;
    private volatile int crashRecords;
    private volatile boolean bye;
    private volatile boolean handlerReplaced;

    Session(long pid) {
        this.pid = pid;
    }

    public long pid() {
        return pid;
    }

    public Hello hello() {
        return hello;
    }

    /** Crash records begun by this JVM, complete or not. */
    public int crashRecords() {
        return crashRecords;
    }

    /** True once the JVM said it is exiting in an orderly way. */
    public boolean byeSeen() {
        return bye;
    }

    void hello(Hello h) {
        hello = h;
    }

    void crashRecord() {
        crashRecords++;
    }

    /** True when the bye said the application replaced the agent's crash hook with a handler of its own. */
    public boolean handlerReplaced() {
        return handlerReplaced;
    }

    void bye(boolean replaced) {
        bye = true;
        handlerReplaced = replaced;
    }
}
