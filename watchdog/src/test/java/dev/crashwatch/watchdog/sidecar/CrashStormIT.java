package dev.crashwatch.watchdog.sidecar;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A crash storm in sidecar mode (issue 15): 20 JVMs started at once, each crashing as soon as its main runs, each
 * starting its own sidecar on a machine that is busy with all of them. Every crash is counted, every run: one that
 * comes before its sidecar's pipe is connected is spooled by the agent and counted by a sidecar that ends later.
 */
class CrashStormIT extends SidecarTestBase {
    static final int JVMS = 20;
    private static final Duration ALL_COUNTED = Duration.ofMinutes(4);

    @ParameterizedTest
    @EnumSource(SidecarKind.class)
    void twenty_jvms_crashing_at_once_are_all_counted(SidecarKind kind) throws Exception {
        List<SampleRun> runs = new ArrayList<>();
        for (int i = 0; i < JVMS; i++) {
            runs.add(SampleRun.start(AttachRoute.FLAG.command(work, "npe"), work, kind.env(store)));
        }
        for (SampleRun run : runs) {
            assertEquals(1, run.awaitExit(), run.stderr());
        }
        await().atMost(ALL_COUNTED).pollInterval(Duration.ofMillis(500))
                .until(() -> SidecarProcesses.all(store.dir()).isEmpty());
        assertEquals(JVMS, store.countOf("crash/crash\njava.lang.NullPointerException\n"),
                store.crashCounts() + ", spool: " + spooled());
        assertEquals(List.of(), spooled());
    }

    private List<Path> spooled() throws Exception {
        Path spool = store.dir().resolve("spool");
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.toList();
        }
    }
}
