package dev.crashwatch.agent;

import java.io.OutputStream;

/**
 * What the crash-path rehearsal needs (see {@link Agent#prepareForCrash()}): a stream that discards, a made-up
 * exception shaped like a real one (a cause, a suppressed exception), and the names of the errors that strike
 * when memory is short, asked for once so that the JVM has them cached.
 */
final class Rehearsal {
    /** Writes nowhere. */
    static final OutputStream DISCARD = new Discard();

    private Rehearsal() {
    }

    static Throwable sampleCrash() {
        IllegalStateException crash = new IllegalStateException("crashwatch rehearsal", new RuntimeException("cause"));
        crash.addSuppressed(new IllegalArgumentException("suppressed"));
        return crash;
    }

    static void cacheClassNames() {
        OutOfMemoryError.class.getName();
        StackOverflowError.class.getName();
    }

    private static final class Discard extends OutputStream {
        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
