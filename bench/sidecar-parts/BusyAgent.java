import java.lang.instrument.Instrumentation;

/**
 * A yardstick for bench/sidecar-parts.sh: an agent whose premain starts a daemon thread that keeps one core busy
 * for the given number of milliseconds (or until the JVM exits), doing nothing else: what any background start-up
 * work costs a hello world on this machine through CPU contention alone.
 */
public final class BusyAgent {
    private BusyAgent() {
    }

    public static void premain(String options, Instrumentation inst) {
        long millis = Long.parseLong(options);
        Thread busy = new Thread("busy") {
            @Override
            public void run() {
                long end = System.nanoTime() + millis * 1_000_000L;
                long spins = 0;
                while (System.nanoTime() < end) {
                    spins++;
                }
                if (spins == 42) {
                    System.out.print("");
                }
            }
        };
        busy.setDaemon(true);
        busy.start();
    }
}
