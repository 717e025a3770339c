package dev.crashwatch.samples.corpus;

/** Exceptions whose messages and thread names carry data that must never reach a name. */
final class Messages {
    private Messages() {
    }

    /** An uncaught exception in a thread whose name holds a secret. */
    static void workerThread() {
        Thread t = new Thread(() -> {
            throw new IllegalStateException("worker secret-worker-message");
        }, "secret-thread-name-alice");
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A message crafted to look like frames and a cause, followed by more message text. */
    static void injection() {
        throw new IllegalStateException("user input was:\n\tat secretinjected.Evil.frame(Evil.java:1)\n"
                + "Caused by: secretinjected.FakeException: secret-password-hunter2\n"
                + "\tat secretinjected.Evil.more(Evil.java:2)\n\t... 3 more\nend of user input");
    }

    /** A message that ends with a crafted {@code Caused by:} line, right before the real frames. */
    static void injectionInCause() {
        throw new IllegalStateException("bad value\nCaused by: secretinjected.FakeCause: secret-token-0xdeadbeef");
    }

    /** A message over many lines, some shaped like exception headers. */
    static void multiline() {
        throw new IllegalArgumentException("line one secret-multiline\njava.lang.Error: not a header\n\n"
                + "    indented text\nlast line");
    }
}
