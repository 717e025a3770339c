package example;

/** Starts crash reporting first thing, then does its work (here: fails, to have something to report). */
public final class App {
    public static void main(String[] args) {
        dev.crashwatch.agent.Crashwatch.start();
        throw new IllegalStateException("example app failed");
    }
}
