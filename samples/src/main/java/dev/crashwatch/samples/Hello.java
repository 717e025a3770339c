package dev.crashwatch.samples;

/** Prints one line and exits 0: the baseline for start-up benchmarks. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
