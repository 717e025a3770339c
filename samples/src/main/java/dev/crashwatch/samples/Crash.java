package dev.crashwatch.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * Crashes on purpose, in the way its first argument names: {@code java dev.crashwatch.samples.Crash <kind>}.
 * Run with no argument for the list. The demo and the tests run these under crashwatch.
 */
public final class Crash {
    private static final String KINDS =
            "npe worker nested exit <N> ok native-segv native-abort oom-heap oom-exit oom-crash stackoverflow "
                    + "kill-self sleep <millis> oom-kept oom-kept-early";

    private Crash() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Crash <kind>; kinds: " + KINDS);
            System.exit(2);
        }
        System.out.println("sample " + args[0] + " starting");
        switch (args[0]) {
            case "npe" -> npe(null);
            case "worker" -> worker();
            case "nested" -> nested();
            case "exit" -> System.exit(Integer.parseInt(args[1]));
            case "ok" -> System.out.println("sample ok done");
            case "native-segv" -> NativeCrashes.readNullPointer();
            case "native-abort" -> NativeCrashes.abort();
            case "oom-heap", "oom-exit", "oom-crash" -> exhaustHeap();
            case "stackoverflow" -> recurse(0);
            case "kill-self" -> NativeCrashes.killSelf();
            case "sleep" -> sleep(Long.parseLong(args[1]));
            default -> more(args[0]);
        }
    }

    // The signature tests' corpus was recorded from these samples: keep the lines of the methods below where
    // they are (traces name them by line) and add new kinds' methods at the end of the file.
    private static int npe(String s) {
        return s.length();
    }

    /** An uncaught exception in a non-main thread: the JVM prints it and carries on; main exits 0. */
    private static void worker() throws InterruptedException {
        Thread t = new Thread(Crash::workerBody, "worker-1");
        t.start();
        t.join();
        System.out.println("sample worker: main thread done");
    }

    private static void workerBody() {
        throw new IllegalStateException("worker failed on purpose");
    }

    /** A cause chain with a suppressed exception, as try-with-resources produces. */
    private static void nested() {
        try {
            parse("not a number");
        } catch (NumberFormatException e) {
            RuntimeException wrapper = new RuntimeException("could not load settings", e);
            wrapper.addSuppressed(new IllegalArgumentException("cleanup also failed"));
            throw wrapper;
        }
    }

    private static int parse(String text) {
        return Integer.parseInt(text);
    }

    /** Fills the heap until OutOfMemoryError; run with a small -Xmx. */
    private static void exhaustHeap() {
        List<long[]> hog = new ArrayList<>();
        while (true) {
            hog.add(new long[1 << 20]);
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    /** Runs a while, then ends normally: for tests that signal or kill things while a JVM runs. */
    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        System.out.println("sample sleep done");
    }

    private static void unknown(String kind) {
        System.err.println("unknown kind " + kind + "; kinds: " + KINDS);
        System.exit(2);
    }

    /** The kinds added after the corpus was recorded (so that the lines above stay where they are). */
    private static void more(String kind) throws InterruptedException {
        if (kind.equals("oom-kept")) {
            Thread.sleep(1000); // a running application: the agent has rehearsed its crash path by then
            exhaustHeapAndKeepIt();
        } else if (kind.equals("oom-kept-early")) {
            exhaustHeapAndKeepIt(); // at once: before the agent's rehearsal
        } else {
            unknown(kind);
        }
    }

    /** What {@link #exhaustHeapAndKeepIt} fills the heap with: held, so that it stays full while the JVM reports. */
    private static final List<Object> KEPT = new ArrayList<>();

    /**
     * Fills the heap to its last bytes, halving the size of what it asks for at each refusal, keeps it all, and dies
     * of the last OutOfMemoryError: the crash is reported with no heap left at all. Run with a small -Xmx.
     */
    private static void exhaustHeapAndKeepIt() {
        int size = 1 << 20;
        while (true) {
            try {
                KEPT.add(new long[size]);
            } catch (OutOfMemoryError refused) {
                if (size == 1) {
                    throw refused;
                }
                size /= 2;
            }
        }
    }
}
