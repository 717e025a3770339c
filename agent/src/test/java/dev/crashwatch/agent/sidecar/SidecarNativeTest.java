package dev.crashwatch.agent.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the agent puts in front of and into the sidecar's command from beside crashwatch.jar: the relay, the archive. */
class SidecarNativeTest {
    @TempDir
    Path dir;

    private File installed(boolean relay, boolean executable, boolean archive) throws IOException {
        Path jar = Files.createFile(dir.resolve("crashwatch.jar"));
        if (relay) {
            Files.createFile(dir.resolve(WatchdogFiles.RELAY)).toFile().setExecutable(executable);
        }
        if (archive) {
            Files.createFile(dir.resolve(WatchdogFiles.SHARED_ARCHIVE));
        }
        return jar.toFile();
    }

    private static List<String> command(File jar) {
        return SidecarCommand.command(new File("/j/bin/java"), jar, Options.none(), new File("/store"));
    }

    @Test
    void the_relay_beside_the_jar_goes_in_front_of_java_and_the_archive_into_its_options() throws IOException {
        File jar = installed(true, true, true);
        List<String> command = command(jar);
        if (System.getenv(WatchdogFiles.NO_NATIVE_ENV) == null) {
            int relay = command.indexOf(dir.resolve(WatchdogFiles.RELAY).toString());
            assertTrue(relay >= 0 && command.get(relay + 1).equals("/j/bin/java"), command.toString());
        }
        if (System.getenv(SidecarCommand.JVM_OPTIONS_ENV) == null) {
            assertTrue(command.contains("-XX:SharedArchiveFile=" + dir.resolve(WatchdogFiles.SHARED_ARCHIVE)),
                    command.toString());
        }
    }

    @Test
    void a_relay_that_cannot_run_and_a_missing_archive_are_left_out() throws IOException {
        List<String> command = command(installed(true, false, false));
        assertFalse(command.stream().anyMatch(w -> w.endsWith(WatchdogFiles.RELAY)), command.toString());
        assertFalse(command.stream().anyMatch(w -> w.startsWith("-XX:SharedArchiveFile")), command.toString());
    }

    @Test
    void both_are_found_beside_the_file_a_linked_jar_points_to() throws IOException {
        File jar = installed(true, true, false);
        Path app = Files.createDirectories(dir.resolve("app"));
        Path link = Files.createSymbolicLink(app.resolve("crashwatch.jar"), jar.toPath());
        assertEquals(dir.resolve(WatchdogFiles.RELAY).toFile(), WatchdogFiles.besideJar(link.toFile(), WatchdogFiles.RELAY, true));
        assertEquals(null, WatchdogFiles.besideJar(link.toFile(), WatchdogFiles.SHARED_ARCHIVE, false));
    }
}
