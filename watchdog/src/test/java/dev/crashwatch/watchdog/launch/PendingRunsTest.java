package dev.crashwatch.watchdog.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.testing.GonePid;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pending runs against a real store, written here in {@link PendingRun}'s format as the native launcher writes them:
 * finished once by whoever finishes them, however often, and only when their Java half is gone or late.
 */
class PendingRunsTest {
    @TempDir
    Path dir;
    private final List<String> notes = new ArrayList<>();

    /** A run whose JVM said hello and died by SIGKILL without BYE (status 137): a crash and a run to count. */
    private Path pending(long halfPid, long childPid) throws Exception {
        String name = PendingRun.PREFIX + childPid + "-1000" + PendingRun.SUFFIX;
        byte[] hello = "program=pending\nversion=1.0\njavaVersion=17.0.1\nstartMillis=1000\n"
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((PendingRun.MAGIC + "\n").getBytes(StandardCharsets.UTF_8));
        for (String field : List.of(PendingRun.HALF + halfPid, PendingRun.ENDED + System.currentTimeMillis(),
                PendingRun.CWD + dir, PendingRun.ENV + "JDK_JAVA_OPTIONS=-Xss1m", PendingRun.ARG + "137",
                PendingRun.ARG + childPid, PendingRun.ARG + "1000", PendingRun.ARG + "--", PendingRun.ARG + "java",
                PendingRun.ARG + "App")) {
            out.writeBytes(field.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        out.write(0);
        out.writeBytes(("CW1 " + childPid + " HELLO 0 0 0 " + hello.length + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(hello);
        Path file = Files.createDirectories(dir.resolve("spool")).resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }

    private Map<String, Long> counters(Store store) throws Exception {
        Map<String, Long> all = new HashMap<>();
        store.counterFiles().forEach(f -> f.counters().forEach((n, c) -> all.merge(n, c, Long::sum)));
        return all;
    }

    @Test
    void a_run_whose_java_half_is_gone_is_finished_once_then_deleted() throws Exception {
        Path file = pending(GonePid.any(), GonePid.any());
        Store store = Store.at(dir);
        assertEquals(1, PendingRuns.finishAbandoned(store, notes::add));
        assertFalse(Files.exists(file));
        assertEquals(0, PendingRuns.finishAbandoned(store, notes::add));
        assertEquals(Map.of("crash/signal/SIGKILL", 1L, "crashwatch/runs", 1L), counters(store));
        assertEquals("pending", store.counterFiles().get(0).key().program());
        assertTrue(store.mostRecentCrash().isPresent(), "a run's crash is this machine's own: the last recorded");
        assertEquals(List.of(), notes);
    }

    @Test
    void a_java_half_that_read_its_file_before_another_watchdog_finished_it_adds_nothing() throws Exception {
        Path file = pending(GonePid.any(), GonePid.any());
        byte[] asTheStoppedHalfReadIt = Files.readAllBytes(file);
        Store store = Store.at(dir);
        assertEquals(1, PendingRuns.finishAbandoned(store, notes::add));
        Files.write(file, asTheStoppedHalfReadIt); // the stopped half had it open: it goes on from there
        assertTrue(PendingRuns.finishOwn(store, file.getFileName().toString(), notes::add));
        assertFalse(Files.exists(file));
        assertFalse(PendingRuns.finishOwn(store, file.getFileName().toString(), notes::add), "gone: finished");
        assertEquals(Map.of("crash/signal/SIGKILL", 1L, "crashwatch/runs", 1L), counters(store));
    }

    @Test
    void a_run_whose_java_half_still_runs_is_left_to_it_until_it_is_late() throws Exception {
        Path file = pending(ProcessHandle.current().pid(), GonePid.any());
        Store store = Store.at(dir);
        assertEquals(0, PendingRuns.finishAbandoned(store, notes::add));
        assertTrue(Files.exists(file));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusMillis(PendingRuns.ABANDONED_AFTER_MILLIS
                + 60_000)));
        assertEquals(1, PendingRuns.finishAbandoned(store, notes::add), "late: a stopped or stuck Java half");
        assertEquals(Map.of("crash/signal/SIGKILL", 1L, "crashwatch/runs", 1L), counters(store));
    }

    @Test
    void a_damaged_pending_run_is_set_aside_once_late_and_its_temporary_files_swept() throws Exception {
        Path file = pending(GonePid.any(), GonePid.any());
        Files.write(file, "crashwatch-pending-run 99\n".getBytes(StandardCharsets.UTF_8));
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(temp, new byte[] {1});
        Store store = Store.at(dir);
        assertEquals(0, PendingRuns.finishAbandoned(store, notes::add));
        assertTrue(Files.exists(file));
        assertTrue(Files.exists(temp), "a launcher may still be writing it");
        FileTime old = FileTime.from(Instant.now().minusMillis(PendingRuns.ABANDONED_AFTER_MILLIS + 60_000));
        Files.setLastModifiedTime(file, old);
        Files.setLastModifiedTime(temp, old);
        assertEquals(0, PendingRuns.finishAbandoned(store, notes::add));
        try (Stream<Path> left = Files.list(dir.resolve("spool"))) {
            List<String> names = left.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).startsWith(file.getFileName() + ".unreadable-"), names.toString());
        }
        assertEquals(Map.of(), counters(store));
    }

    @Test
    void the_childs_jvm_option_variables_begin_with_the_one_the_launcher_hands_over() {
        assertEquals(ChildCommand.TOOL_OPTIONS, PendingRun.CHILD_ENV.get(0));
    }
}
