package dev.crashwatch.watchdog.sidecar;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.testing.TestJars;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A JVM whose two child JVMs inherit the agent through JAVA_TOOL_OPTIONS: one sidecar each (a relay, and at most one
 * Java sidecar behind it), no storm, no double count.
 */
class SidecarChildrenIT extends SidecarTestBase {
    @Test
    void three_jvms_get_three_sidecars_at_most_and_each_crash_counts_once() throws Exception {
        Map<String, String> env = store.env();
        env.put("JAVA_TOOL_OPTIONS", "-javaagent:" + TestJars.agent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        SampleRun parent = SampleRun.start(List.of(java, "-cp", TestJars.samples().toString(),
                "dev.crashwatch.samples.sidecar.ParentOfTwo", "npe"), work, env);

        Set<Long> relays = new HashSet<>();
        Set<Long> javaSidecars = new HashSet<>();
        AtomicInteger most = new AtomicInteger();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10)).until(() -> {
            List<Long> now = SidecarProcesses.of(store.dir());
            relays.addAll(SidecarProcesses.relays(store.dir()));
            javaSidecars.addAll(SidecarProcesses.javaSidecars(store.dir()));
            most.accumulateAndGet(now.size(), Math::max);
            return !parent.process().isAlive();
        });
        assertEquals(0, parent.awaitExit(), parent.stderr());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> store.countOf("crash/crash\njava.lang.NullPointerException\n") == 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> SidecarProcesses.of(store.dir()).isEmpty());

        assertEquals(2, store.totalCrashes(), () -> "counted " + store.crashCounts());
        assertTrue(most.get() <= 3, "sidecars at once: " + most.get());
        assertTrue(relays.size() <= 3, "relays seen: " + relays);
        assertTrue(javaSidecars.size() <= 3, "Java sidecars seen: " + javaSidecars);
    }
}
