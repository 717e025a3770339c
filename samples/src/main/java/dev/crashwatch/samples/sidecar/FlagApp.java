package dev.crashwatch.samples.sidecar;

import dev.crashwatch.samples.Crash;

/**
 * Route 1, the flag: an ordinary application that knows nothing of crashwatch, started with the agent.
 * <pre>java -javaagent:watchdog/target/crashwatch-agent.jar -cp samples/target/crashwatch-samples.jar \
 *     dev.crashwatch.samples.sidecar.FlagApp npe</pre>
 * The agent finds {@code crashwatch.jar} beside {@code crashwatch-agent.jar} and starts it as the sidecar.
 * Arguments: {@code [--wait-stdin] <Crash kind> [args]}.
 */
public final class FlagApp {
    private FlagApp() {
    }

    public static void main(String[] args) throws Exception {
        Crash.main(Gate.pass(args));
    }
}
