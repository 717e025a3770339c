package dev.crashwatch.samples.sidecar;

import dev.crashwatch.agent.Crashwatch;
import dev.crashwatch.samples.Crash;

/**
 * Route 3, one call in {@code main}: for applications that cannot change their command line. The agent jar is an
 * ordinary library on the class path:
 * <pre>java -cp samples/target/crashwatch-samples.jar:watchdog/target/crashwatch-agent.jar \
 *     dev.crashwatch.samples.sidecar.StartCallApp npe</pre>
 * {@code crashwatch.jar} is found beside {@code crashwatch-agent.jar}, the jar holding {@code Crashwatch}.
 * Arguments: {@code [--wait-stdin] <Crash kind> [args]}.
 */
public final class StartCallApp {
    private StartCallApp() {
    }

    public static void main(String[] args) throws Exception {
        Crashwatch.start(new Crashwatch.Config().program("start-call-sample").version("1.0"));
        Crash.main(Gate.pass(args));
    }
}
