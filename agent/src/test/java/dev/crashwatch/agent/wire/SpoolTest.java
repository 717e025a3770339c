package dev.crashwatch.agent.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's spool beside the relay, which may spool the same record at the same instant (sidecar mode): the agent
 * never deletes or replaces the relay's file or temporary file, since it deletes its own copy again when the pipe
 * took the record after all, and the relay's copy is the one the Java sidecar was told to count.
 */
class SpoolTest {
    @TempDir
    Path store;

    private static final byte[] CRASH = "Exception in thread \"main\" java.lang.IllegalStateException\n"
            .getBytes(StandardCharsets.UTF_8);

    private File write() {
        ByteSink hello = new ByteSink(64);
        hello.text("pid=42\n");
        return Spool.write(store.toFile(), 42, 1000, 3, hello, CRASH, CRASH.length);
    }

    @Test
    void a_record_is_spooled_whole_under_its_name_and_no_temporary_file_is_left() throws Exception {
        File spooled = write();
        assertNotNull(spooled);
        assertEquals(Spool.name(42, 1000, 3), spooled.getName());
        byte[] content = Files.readAllBytes(spooled.toPath());
        assertTrue(new String(content, StandardCharsets.UTF_8).contains("java.lang.IllegalStateException"));
        try (var files = Files.list(store.resolve(Spool.DIR))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void a_copy_the_relay_spooled_first_is_neither_replaced_nor_claimed() throws Exception {
        Path spool = Files.createDirectories(store.resolve(Spool.DIR));
        Files.setPosixFilePermissions(spool, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        byte[] relays = "the relay's copy".getBytes(StandardCharsets.UTF_8);
        Path target = Files.write(spool.resolve(Spool.name(42, 1000, 3)), relays);

        assertNull(write(), "not the agent's copy: it must not delete it when the pipe took the record");
        assertArrayEquals(relays, Files.readAllBytes(target));
        try (var files = Files.list(spool)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void the_relays_temporary_file_is_left_alone() throws Exception {
        Path spool = Files.createDirectories(store.resolve(Spool.DIR));
        Files.setPosixFilePermissions(spool, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        byte[] half = "half of the relay's copy".getBytes(StandardCharsets.UTF_8);
        Path temp = Files.write(spool.resolve(Spool.TEMP_PREFIX + Spool.name(42, 1000, 3) + Spool.TEMP_SUFFIX), half);

        assertNull(write());
        assertArrayEquals(half, Files.readAllBytes(temp), "still being written by the relay");
        assertTrue(Files.notExists(spool.resolve(Spool.name(42, 1000, 3))));
    }
}
