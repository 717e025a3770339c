package dev.crashwatch.watchdog.sidecar;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashwatch.watchdog.testing.SmallDisk;
import dev.crashwatch.watchdog.testing.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The store on a full disk in sidecar mode (a small tmpfs, issue 15's standing suite; {@code run/FullDiskIT} is
 * launcher mode): the application's output and exit status are what they are without crashwatch, no partial file is
 * left in the store, and once there is room again the next crash is counted. The crash that came while the disk was
 * full is lost, and no line can say so: the log is on the same full disk (docs/reliability.md).
 */
class FullDiskSidecarIT extends SidecarTestBase {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NPE = "crash/crash\njava.lang.NullPointerException\n";

    @ParameterizedTest
    @EnumSource(SidecarKind.class)
    void a_full_disk_changes_nothing_for_the_application_leaves_no_partial_file_and_recovers(SidecarKind kind)
            throws Exception {
        Path dir = store.dir();
        try (SmallDisk disk = SmallDisk.mountOver(dir)) {
            SampleRun bare = SampleRun.start(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", TestJars.samples().toString(), "dev.crashwatch.samples.sidecar.FlagApp", "npe"), work,
                    store.env());
            assertEquals(1, bare.awaitExit());

            Path filler = disk.fill();
            SampleRun full = SampleRun.start(AttachRoute.FLAG.command(work, "npe"), work, kind.env(store));
            assertEquals(1, full.awaitExit());
            assertEquals(bare.stdout(), full.stdout());
            assertEquals(bare.stderr(), full.stderr());
            await().atMost(WAIT).until(() -> SidecarProcesses.all(dir).isEmpty());
            assertEquals(List.of(), disk.partialFiles());

            Files.delete(filler);
            SampleRun room = SampleRun.start(AttachRoute.FLAG.command(work, "npe"), work, kind.env(store));
            assertEquals(1, room.awaitExit());
            assertEquals(bare.stderr(), room.stderr());
            await().atMost(WAIT).until(() -> store.countOf(NPE) == 1);
            await().atMost(WAIT).until(() -> SidecarProcesses.all(dir).isEmpty());
            assertEquals(List.of(), disk.partialFiles());
        }
    }
}
