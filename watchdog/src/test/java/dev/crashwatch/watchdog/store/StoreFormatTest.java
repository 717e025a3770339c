package dev.crashwatch.watchdog.store;

import static dev.crashwatch.watchdog.store.StoreTest.KEY;
import static dev.crashwatch.watchdog.store.StoreTest.NPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's format marker: written with the first counts, and a store of a newer format refused untouched. */
class StoreFormatTest {
    @TempDir
    Path dir;

    @Test
    void the_first_count_marks_the_store_with_this_crashwatchs_format() throws Exception {
        Store store = Store.at(dir);
        store.increment(KEY, NPE);
        assertEquals("crashwatch-store " + Store.FORMAT_VERSION + "\n", Files.readString(dir.resolve("format")));
        store.increment(KEY, NPE);
        assertEquals(2L, store.counterFiles().get(0).counters().get(NPE));
    }

    @Test
    void a_store_without_a_marker_is_read_as_the_first_format() throws Exception {
        Store.at(dir).increment(KEY, NPE);
        Files.delete(dir.resolve("format"));
        assertEquals(1, Store.at(dir).counterFiles().size());
    }

    @Test
    void a_newer_store_is_refused_for_reading_and_writing_and_left_as_it_was() throws Exception {
        Store.at(dir).increment(KEY, NPE);
        Files.writeString(dir.resolve("format"), "crashwatch-store 2\n");
        List<byte[]> before = contents(dir);

        IOException refusal = assertThrows(IOException.class, () -> Store.at(dir).increment(KEY, NPE));
        assertTrue(refusal.getMessage().contains("format 2, made by a newer crashwatch"), refusal.getMessage());
        assertThrows(IOException.class, () -> Store.at(dir).counterFiles());
        assertEquals(before.size(), contents(dir).size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(new String(before.get(i)), new String(contents(dir).get(i)));
        }
    }

    @Test
    void the_cli_says_so_in_one_line_and_fails() throws Exception {
        Files.writeString(dir.resolve("format"), "crashwatch-store 7\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setProperty("crashwatch.dir", dir.toString());
        try {
            int status = Main.execute(new String[] {"counters"}, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(1, status);
        } finally {
            System.clearProperty("crashwatch.dir");
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("crashwatch counters: " + dir + " is a store of format 7"), message);
        assertEquals(1, message.split("\n").length, message);
    }

    @Test
    void a_marker_it_cannot_read_is_refused_too() throws Exception {
        Files.writeString(dir.resolve("format"), "something else entirely");
        IOException refusal = assertThrows(IOException.class, () -> Store.at(dir).increment(KEY, NPE));
        assertTrue(refusal.getMessage().contains("does not recognize"), refusal.getMessage());
    }

    private static List<byte[]> contents(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().map(p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
