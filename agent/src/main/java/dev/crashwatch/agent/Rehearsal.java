package dev.crashwatch.agent;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * What the crash-path rehearsal needs (see {@link Agent#prepareForCrash()}): streams that discard, a made-up
 * exception shaped like a real one (a cause, a suppressed exception), and the names of the errors that strike
 * when memory is short, asked for once so that the JVM has them cached.
 */
final class Rehearsal {
    /** Writes nowhere. */
    static final OutputStream DISCARD = new Discard();

    private Rehearsal() {
    }

    /**
     * A stand-in for the crash pipe: {@code /dev/null}, a file like the pipe, so that a record written to it goes
     * the way a record to an empty pipe goes (inline, {@code write(2)}); the in-memory {@link #DISCARD} where there
     * is no {@code /dev/null}. Close it with {@link #close}.
     */
    static OutputStream nullPipe() {
        try {
            return new FileOutputStream("/dev/null");
        } catch (IOException | RuntimeException none) {
            return DISCARD;
        }
    }

    static void close(OutputStream nullPipe) {
        try {
            nullPipe.close();
        } catch (IOException | RuntimeException ignored) {
            // Nothing was kept.
        }
    }

    static Throwable sampleCrash() {
        IllegalStateException crash = new IllegalStateException("crashwatch rehearsal", new RuntimeException("cause"));
        crash.addSuppressed(new IllegalArgumentException("suppressed"));
        return crash;
    }

    /**
     * A crash whose stack trace prints as nothing, for rehearsing the hook's own printing: the JDK's
     * {@code printStackTrace} is rehearsed once already, by the record's rendering.
     */
    static Throwable silentCrash() {
        return new Silent();
    }

    static void cacheClassNames() {
        OutOfMemoryError.class.getName();
        StackOverflowError.class.getName();
    }

    private static final class Silent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Silent() {
            super("crashwatch rehearsal", null, false, false);
        }

        @Override
        public void printStackTrace(PrintStream s) {
        }
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
