package dev.crashwatch.samples.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Cause chains and suppressed exceptions. */
final class Chains {
    private Chains() {
    }

    static void nested() {
        try {
            Integer.parseInt("secret-not-a-number");
        } catch (NumberFormatException e) {
            RuntimeException wrapper = new RuntimeException("could not load secret-settings", e);
            wrapper.addSuppressed(new IllegalArgumentException("cleanup also failed"));
            throw wrapper;
        }
    }

    static void deepChain() {
        try {
            level1();
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("top", e);
        }
    }

    private static void level1() {
        try {
            level2();
        } catch (IOException e) {
            throw new UncheckedIOException("middle", e);
        }
    }

    private static void level2() throws IOException {
        throw new IOException("secret-disk-path /home/alice/data");
    }

    /** try-with-resources: the close failure (with its own cause) is suppressed. */
    static void suppressedDeep() {
        try (Resource r = new Resource()) {
            throw new IllegalStateException("body failed");
        }
    }

    private static final class Resource implements AutoCloseable {
        @Override
        public void close() {
            IllegalStateException closing = new IllegalStateException("close failed", new IOException("disk"));
            closing.addSuppressed(new RuntimeException("inner suppressed"));
            throw closing;
        }
    }

    /** A cause without a stack (as -XX:+OmitStackTraceInFastThrow produces). */
    static void stacklessCause() {
        throw new IllegalStateException("wrapper", new Stackless());
    }

    private static final class Stackless extends RuntimeException {
        Stackless() {
            super("no stack", null, false, false);
        }
    }

    /** A cause whose message spans several lines (one shaped like an exception header). */
    static void multilineCause() {
        IllegalArgumentException cause = new IllegalArgumentException("first line secret-cause-line\n"
                + "java.lang.Error: not a header either\n    indented line\nlast line");
        throw new IllegalStateException("outer", cause);
    }
}
