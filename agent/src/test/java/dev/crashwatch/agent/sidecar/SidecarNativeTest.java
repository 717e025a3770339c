package dev.crashwatch.agent.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent puts in front of and into the sidecar's command: the relay (beside crashwatch.jar in a build tree,
 * in ../libexec in an installation) and the class-data archive (in the user's cache, one per install and JDK).
 */
class SidecarNativeTest {
    @TempDir
    Path dir;

    private File jarIn(Path lib) throws IOException {
        return Files.createFile(Files.createDirectories(lib).resolve("crashwatch.jar")).toFile();
    }

    private static void helper(Path file, boolean executable) throws IOException {
        Files.createDirectories(file.getParent());
        Files.createFile(file).toFile().setExecutable(executable);
    }

    private static List<String> command(File jar) {
        return SidecarCommand.command(new File("/j/bin/java"), jar, Options.none(), new File("/store"));
    }

    @Test
    void the_relay_beside_the_jar_goes_in_front_of_java() throws IOException {
        File jar = jarIn(dir);
        helper(dir.resolve(WatchdogFiles.RELAY), true);
        List<String> command = command(jar);
        if (System.getenv(WatchdogFiles.NO_NATIVE_ENV) == null) {
            int relay = command.indexOf(dir.resolve(WatchdogFiles.RELAY).toString());
            assertTrue(relay >= 0 && command.get(relay + 1).equals("/j/bin/java"), command.toString());
        }
    }

    @Test
    void an_installation_keeps_its_relay_in_libexec_beside_lib() throws IOException {
        File jar = jarIn(dir.resolve("lib"));
        helper(dir.resolve("libexec").resolve(WatchdogFiles.RELAY), true);
        assertEquals(dir.resolve("libexec").resolve(WatchdogFiles.RELAY).toFile(),
                NativeHelpers.find(jar.getParentFile(), WatchdogFiles.RELAY));
    }

    @Test
    void a_relay_that_cannot_run_and_a_missing_archive_are_left_out() throws IOException {
        File jar = jarIn(dir);
        helper(dir.resolve(WatchdogFiles.RELAY), false);
        List<String> command = command(jar);
        assertFalse(command.stream().anyMatch(w -> w.endsWith(WatchdogFiles.RELAY)), command.toString());
        assertFalse(command.stream().anyMatch(w -> w.startsWith("-XX:SharedArchiveFile")), command.toString());
    }

    @Test
    void the_relay_is_found_beside_the_file_a_linked_jar_points_to() throws IOException {
        File jar = jarIn(dir);
        helper(dir.resolve(WatchdogFiles.RELAY), true);
        Path app = Files.createDirectories(dir.resolve("app"));
        Path link = Files.createSymbolicLink(app.resolve("crashwatch.jar"), jar.toPath());
        if (System.getenv(WatchdogFiles.NO_NATIVE_ENV) == null) {
            assertEquals(dir.resolve(WatchdogFiles.RELAY).toFile(), WatchdogFiles.relay(link.toFile()));
        }
    }

    @Test
    void the_archive_is_named_by_the_real_paths_of_the_jars_and_the_jdk_and_the_jdks_version() throws IOException {
        Path jdk = Files.createDirectories(dir.resolve("jdks/jdk 17"));
        helper(jdk.resolve("bin/java"), true);
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"17.0.9\"\nOS_NAME=\"Linux\"\n");
        Path javaLink = Files.createSymbolicLink(dir.resolve("java"), jdk.resolve("bin/java"));
        File jar = jarIn(dir.resolve("opt/cw/lib"));
        File cache = dir.resolve("cache").toFile();
        assertEquals(new File(cache, "cds" + jar.getParentFile().getCanonicalPath() + "/jdk" + jdk.toRealPath()
                + "/17.0.9.jsa"), ClassDataArchive.of(cache, jar, javaLink.toFile()));
    }

    @Test
    void no_archive_for_a_jdk_without_a_version_or_a_java_outside_bin() throws IOException {
        Path jdk = Files.createDirectories(dir.resolve("jdk"));
        helper(jdk.resolve("bin/java"), true);
        helper(dir.resolve("java"), true);
        File jar = jarIn(dir.resolve("lib"));
        assertNull(ClassDataArchive.of(dir.toFile(), jar, jdk.resolve("bin/java").toFile()));
        assertNull(ClassDataArchive.of(dir.toFile(), jar, dir.resolve("java").toFile()));
    }
}
