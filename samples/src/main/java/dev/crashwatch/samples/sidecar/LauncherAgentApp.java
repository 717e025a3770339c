package dev.crashwatch.samples.sidecar;

import dev.crashwatch.samples.Crash;

/**
 * Route 2, the executable jar: {@code samples/target/crashwatch-sidecar-app.jar} has this class as its
 * {@code Main-Class}, declares {@code Launcher-Agent-Class: dev.crashwatch.agent.Premain} and carries the agent's
 * classes inside (built by samples/pom.xml). {@code java -jar crashwatch-sidecar-app.jar npe} starts the agent with no
 * flag at all. The agent looks for {@code crashwatch.jar} beside the jar its classes came from, that is beside
 * {@code crashwatch-sidecar-app.jar}; put it (or a link to it) there, or name it in {@code $CRASHWATCH_WATCHDOG}.
 * Arguments: {@code [--wait-stdin] <Crash kind> [args]}.
 */
public final class LauncherAgentApp {
    private LauncherAgentApp() {
    }

    public static void main(String[] args) throws Exception {
        Crash.main(Gate.pass(args));
    }
}
