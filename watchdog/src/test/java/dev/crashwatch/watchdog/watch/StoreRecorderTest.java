package dev.crashwatch.watchdog.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.Mode;
import dev.crashwatch.watchdog.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store recorder against a real store: what its second thread (host facts, a dry-run increment) leaves there. */
class StoreRecorderTest {
    private static final byte[] NPE = ("Exception in thread \"main\" java.lang.NullPointerException\n"
            + "\tat com.example.Main.main(Main.java:3)\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void a_crash_is_counted_and_the_host_facts_are_kept_for_the_next_watchdog() throws Exception {
        Store store = Store.at(dir);
        List<String> notes = new ArrayList<>();
        new StoreRecorder(store, Labels.NONE, notes::add).crash(new Session(1), 0, NPE, true);
        joinPrepareThreads();
        assertEquals(List.of(), notes);
        assertEquals(1, store.counterFiles().size());
        assertTrue(Files.readString(dir.resolve("host-facts")).contains("\nos=" + store.hostFacts().os() + "\n"));
    }

    @Test
    void a_crash_with_a_message_over_64_kib_is_counted_as_itself() throws Exception {
        Store store = Store.at(dir);
        List<String> notes = new ArrayList<>();
        byte[] text = ("Exception in thread \"main\" java.lang.IllegalStateException: " + "long ".repeat(40_000)
                + "\n\tat com.example.Main.main(Main.java:3)\n").getBytes(StandardCharsets.UTF_8);
        new StoreRecorder(store, Labels.NONE, notes::add).crash(new Session(1), 0, text, true);
        joinPrepareThreads();
        assertEquals(List.of(), notes);
        String name = store.counterFiles().get(0).counters().keySet().iterator().next();
        assertTrue(name.startsWith("crash/crash\njava.lang.IllegalStateException\ncom.example.Main.main:"), name);
    }

    @Test
    void in_mode_off_it_writes_nothing_not_even_the_host_facts() throws Exception {
        Store store = Store.at(dir);
        store.setMode(Mode.OFF);
        List<String> notes = new ArrayList<>();
        new StoreRecorder(store, Labels.NONE, notes::add).crash(new Session(1), 0, NPE, true);
        joinPrepareThreads();
        assertEquals(List.of(), notes);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("mode")), files.toList());
        }
    }

    /** Waits for the recorder's second thread(s) to be done: what they write is then on disk. */
    private static void joinPrepareThreads() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("crashwatch-prepare")) {
                t.join(30_000);
            }
        }
    }
}
