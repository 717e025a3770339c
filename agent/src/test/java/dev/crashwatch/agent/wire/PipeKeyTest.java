package dev.crashwatch.agent.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.agent.fixtures.Fifos;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crash pipe's identity, which lets the agent open its launcher's FIFO without the ownership checks. */
class PipeKeyTest {
    @TempDir
    Path tmp;

    /** The text the C launcher writes ("%llx:%lld" of st_dev and st_ino) is what the JDK's file key says. */
    @Test
    void the_key_is_the_fifos_device_in_hex_and_its_inode() throws Exception {
        Path fifo = Fifos.mkfifo(tmp.resolve("crash.pipe")).toPath();
        long dev = ((Number) Files.getAttribute(fifo, "unix:dev")).longValue();
        long ino = ((Number) Files.getAttribute(fifo, "unix:ino")).longValue();
        assertEquals(Long.toHexString(dev) + ":" + ino, PipeKey.of(fifo));
        assertTrue(PipeKey.matches(fifo, PipeKey.of(fifo)));
    }

    @Test
    void only_the_very_fifo_matches_not_a_new_one_in_its_place_a_link_to_it_or_a_file() throws Exception {
        Path fifo = Fifos.mkfifo(tmp.resolve("crash.pipe")).toPath();
        String key = PipeKey.of(fifo);
        assertFalse(PipeKey.matches(fifo, null));
        assertFalse(PipeKey.matches(fifo, key + "0"));
        assertFalse(PipeKey.matches(tmp.resolve("missing"), key));

        Path link = Files.createSymbolicLink(tmp.resolve("link"), fifo);
        assertFalse(PipeKey.matches(link, key), "a link to the FIFO is not the FIFO");
        assertFalse(PipeKey.matches(link, PipeKey.of(link)), "nor is a link anything the agent opens");

        Path file = Files.createFile(tmp.resolve("file"));
        assertFalse(PipeKey.matches(file, PipeKey.of(file)), "a regular file never matches, whatever the key");

        Path another = Fifos.mkfifo(tmp.resolve("another")).toPath(); // made while the first exists: another inode
        Files.move(another, fifo, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertNotEquals(key, PipeKey.of(fifo));
        assertFalse(PipeKey.matches(fifo, key), "a FIFO made again in its place is another");
    }
}
