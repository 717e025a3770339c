package dev.crashwatch.watchdog.sidecar;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Mode off, by environment or by the store's mode file: the agent does nothing at all, on every route. */
class SidecarModeOffIT extends SidecarTestBase {
    static Stream<Arguments> routesAndSwitches() {
        return Stream.concat(Stream.of(AttachRoute.values()).map(r -> Arguments.of(r, "CRASHWATCH_MODE=off")),
                Stream.of(Arguments.of(AttachRoute.FLAG, "mode file 'off <date>'")));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("routesAndSwitches")
    void mode_off_starts_no_sidecar_installs_no_handler_and_counts_nothing(AttachRoute route, String how)
            throws Exception {
        Map<String, String> env = store.env();
        boolean byFile = how.startsWith("mode file");
        if (byFile) {
            Files.createDirectories(store.dir());
            Files.write(store.dir().resolve("mode"), "off 2026-11-23\n".getBytes(StandardCharsets.UTF_8));
        } else {
            env.put("CRASHWATCH_MODE", "off");
        }
        SampleRun run = SampleRun.start(route.command(work, "--wait-stdin", "npe"), work, env);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> SidecarProcesses.of(store.dir()).isEmpty());
        run.release();
        assertEquals(1, run.awaitExit());
        assertTrue(run.stderr().contains("Exception in thread \"main\" java.lang.NullPointerException"), run.stderr());
        assertTrue(SidecarProcesses.of(store.dir()).isEmpty());
        assertEquals(Map.of(), store.crashCounts());
        if (byFile) {
            assertEquals(List.of("mode"), Files.list(store.dir()).map(p -> p.getFileName().toString()).toList(),
                    "nothing written to the store");
        } else {
            assertFalse(Files.exists(store.dir()), "the agent created the store");
        }
    }
}
