package dev.crashwatch.agent.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Finding the agent jar among this process's open files, as the JVM holds the boot class path's jars open. */
@EnabledOnOs(OS.LINUX)
class BootClassPathJarTest {
    @TempDir
    Path dir;

    @Test
    void the_one_open_file_of_the_name_is_found_by_its_real_path() throws Exception {
        Path real = Files.createDirectories(dir.resolve("opt"));
        Path jar = Files.createFile(real.resolve("some-unique-name.jar"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        try (RandomAccessFile open = new RandomAccessFile(link.resolve("some-unique-name.jar").toFile(), "r")) {
            assertEquals(jar.toFile().getCanonicalFile(), BootClassPathJar.theOpenFileNamed("some-unique-name.jar"));
        }
        assertNull(BootClassPathJar.theOpenFileNamed("some-unique-name.jar"), "closed again");
    }

    @Test
    void two_different_open_files_of_the_name_are_not_conclusive() throws Exception {
        File one = Files.createFile(Files.createDirectories(dir.resolve("a")).resolve("twice.jar")).toFile();
        File two = Files.createFile(Files.createDirectories(dir.resolve("b")).resolve("twice.jar")).toFile();
        try (RandomAccessFile a = new RandomAccessFile(one, "r"); RandomAccessFile a2 = new RandomAccessFile(one, "r")) {
            assertEquals(one.getCanonicalFile(), BootClassPathJar.theOpenFileNamed("twice.jar"),
                    "the same file twice is one");
            try (RandomAccessFile b = new RandomAccessFile(two, "r")) {
                assertNull(BootClassPathJar.theOpenFileNamed("twice.jar"));
            }
        }
    }

    @Test
    void past_the_most_open_files_it_does_not_look() throws Exception {
        Path jar = Files.createFile(dir.resolve("crowded.jar"));
        List<RandomAccessFile> open = new ArrayList<>();
        try {
            open.add(new RandomAccessFile(jar.toFile(), "r"));
            assertEquals(jar.toFile().getCanonicalFile(), BootClassPathJar.theOpenFileNamed("crowded.jar"));
            Path other = Files.createFile(dir.resolve("other"));
            while (new File("/proc/self/fd").list().length <= BootClassPathJar.MOST_OPEN_FILES) {
                open.add(new RandomAccessFile(other.toFile(), "r"));
            }
            assertNull(BootClassPathJar.theOpenFileNamed("crowded.jar"));
        } finally {
            for (RandomAccessFile f : open) {
                f.close();
            }
        }
    }
}
