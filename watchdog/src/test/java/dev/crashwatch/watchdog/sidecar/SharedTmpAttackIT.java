package dev.crashwatch.watchdog.sidecar;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.testing.SecondUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Another local user made {@code <tmpdir>/crashwatch-<user>} first, world-writable, to swap the sidecar's FIFO for a
 * link (issue 15, security item 1): the agent does not use it, says why in the sidecar log, makes the FIFO in a fresh
 * private directory of its own instead, and the crash is still counted.
 */
class SharedTmpAttackIT extends SidecarTestBase {
    @Test
    void a_fifo_directory_made_by_another_user_is_not_used_and_the_crash_is_still_counted() throws Exception {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path shared = Files.createDirectories(work.resolve("shared-tmp"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path planted = shared.resolve("crashwatch-" + System.getProperty("user.name"));
        try (SecondUser attacker = SecondUser.create()) {
            assertEquals(0, attacker.sh("mkdir -m 777 " + planted));
            Map<String, String> env = SidecarKind.JVM.env(store);
            env.put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + shared);
            SampleRun run = SampleRun.start(AttachRoute.FLAG.command(work, "npe"), work, env);
            assertEquals(1, run.awaitExit(), run.stderr());
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> store.countOf("crash/crash\njava.lang.NullPointerException\n") == 1);
            String log = Files.readString(store.dir().resolve("log/sidecar.log"));
            assertTrue(log.contains("not using " + planted + " is owned by " + attacker.name()), log);
            try (Stream<Path> left = Files.list(planted)) {
                assertEquals(0, left.count(), "nothing made in the attacker's directory");
            }
        }
    }
}
