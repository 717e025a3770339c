package dev.crashwatch.watchdog.sidecar;


import dev.crashwatch.watchdog.testing.RequiredTool;
import dev.crashwatch.watchdog.testing.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Which sidecar the agent starts: the native relay in front of the JVM (the default when built), or the JVM alone. */
enum SidecarKind {
    /** {@code crashwatch-relay} beside crashwatch.jar; the tests skip, saying so, when it was not built. */
    RELAY,
    /** {@code CRASHWATCH_NO_NATIVE=1}: the agent starts the Java sidecar directly. */
    JVM;

    /** The built relay; skips the calling test when there is none (no C compiler at build time). */
    static Path relay() {
        Path relay = TestJars.home().resolve("crashwatch-relay");
        RequiredTool.require(Files.isExecutable(relay), "crashwatch-relay not built (no C compiler?): relay tests");
        return relay;
    }

    /** The store's environment for an application whose agent should start this kind of sidecar. */
    Map<String, String> env(SidecarStore store) {
        Map<String, String> env = store.env();
        if (this == RELAY) {
            relay();
        } else {
            env.put("CRASHWATCH_NO_NATIVE", "1");
        }
        return env;
    }
}
