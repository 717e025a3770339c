package dev.crashwatch.watchdog.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.agent.wire.ByteSink;
import dev.crashwatch.agent.wire.Spool;
import dev.crashwatch.watchdog.store.Store;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool against a real store: each spooled record counted exactly once, whoever counts it and however often. */
class SpooledCrashesTest {
    private static final byte[] NPE = ("Exception in thread \"main\" java.lang.NullPointerException\n"
            + "\tat com.example.Main.main(Main.java:3)\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private final List<String> notes = new ArrayList<>();

    /** A pid that is certainly gone: a process that ran and was reaped. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private File spool(long pid, long record) {
        return spool(pid, 1000, record);
    }

    private File spool(long pid, long startMillis, long record) {
        ByteSink hello = new ByteSink(64);
        hello.text("program=spooled\nversion=1.0\njavaVersion=17.0.1\n");
        File f = Spool.write(dir.toFile(), pid, startMillis, record, hello, NPE, NPE.length);
        assertNotNull(f);
        return f;
    }

    private long crashes(Store store) throws Exception {
        return store.counterFiles().stream().flatMap(f -> f.counters().entrySet().stream())
                .filter(e -> e.getKey().startsWith("crash/crash")).mapToLong(e -> e.getValue()).sum();
    }

    @Test
    void a_spooled_record_is_private_and_counted_once_then_deleted() throws Exception {
        File f = spool(deadPid(), 3);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f.toPath())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f.toPath().getParent())));
        Store store = Store.at(dir);
        assertEquals(1, SpooledCrashes.countAll(store, notes::add));
        assertFalse(f.exists());
        assertEquals(0, SpooledCrashes.countAll(store, notes::add));
        assertEquals(1, crashes(store));
        assertEquals("spooled", store.counterFiles().get(0).key().program());
        assertEquals(List.of(), notes);
    }

    @Test
    void a_watchdog_killed_between_counting_and_deleting_never_counts_twice() throws Exception {
        File f = spool(deadPid(), 3);
        byte[] copy = Files.readAllBytes(f.toPath());
        Store store = Store.at(dir);
        SpooledCrashes.countAll(store, notes::add);
        Files.write(f.toPath(), copy); // as if the file had not been deleted: the kill -9 came just before
        assertEquals(1, SpooledCrashes.countAll(store, notes::add), "the file is taken");
        assertFalse(f.exists());
        assertEquals(1, crashes(store));
    }

    @Test
    void a_live_jvms_record_waits_for_it_to_be_gone_and_a_reused_pids_does_not() throws Exception {
        File live = spool(ProcessHandle.current().pid(), System.currentTimeMillis(), 1);
        File reused = spool(ProcessHandle.current().pid(), 1000, 2); // an agent that started before this process
        Store store = Store.at(dir);
        assertEquals(1, SpooledCrashes.countAll(store, notes::add));
        assertTrue(live.exists());
        assertFalse(reused.exists());
    }

    @Test
    void the_pipes_copy_of_a_spooled_record_and_the_spooled_copy_count_as_one() throws Exception {
        long pid = deadPid();
        File f = spool(pid, 5);
        Store store = Store.at(dir);
        Session s = new Session(pid);
        s.hello(dev.crashwatch.watchdog.pipe.Hello.parse("startMillis=1000\nprogram=spooled\n".getBytes()));
        new StoreRecorder(store, Labels.NONE, notes::add).crash(s, 5, NPE, true);
        assertFalse(f.exists());
        assertEquals(0, SpooledCrashes.countAll(store, notes::add));
        assertEquals(1, crashes(store));
        assertTrue(notes.isEmpty(), notes.toString());
    }

    @Test
    void a_record_the_launcher_spooled_counts_by_its_spooled_copy_only_even_when_another_watchdog_took_it() throws Exception {
        long pid = deadPid();
        File taken = spool(pid, 5);
        File waiting = spool(pid, 6);
        Store store = Store.at(dir);
        Session s = new Session(pid);
        s.hello(dev.crashwatch.watchdog.pipe.Hello.parse("startMillis=1000\nprogram=spooled\n".getBytes()));
        StoreRecorder javaHalf = new StoreRecorder(store, Labels.NONE, notes::add,
                java.util.Set.of(taken.getName(), waiting.getName()));
        assertTrue(SpooledCrashes.count(store, taken.toPath(), notes::add)); // the next watchdog came first
        javaHalf.crash(s, 5, NPE, true);
        assertEquals(1, crashes(store), "the pipe's copy of a record counted from the spool is not counted again");
        javaHalf.crash(s, 6, NPE, true);
        assertFalse(waiting.exists());
        javaHalf.crash(s, 7, NPE, true); // not spooled (the launcher could not): counted from the pipe
        assertEquals(3, crashes(store));
        assertTrue(notes.isEmpty(), notes.toString());
    }
}
