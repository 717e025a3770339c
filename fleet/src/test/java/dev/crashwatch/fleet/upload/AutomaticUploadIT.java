package dev.crashwatch.fleet.upload;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.fleet.testing.CollectorProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a crash in mode on, the watchdog starts {@code crashwatch upload} on its own: detached (the run ends while the
 * upload still waits on a collector that does not answer), silent (its output is in the store's log, not the
 * application's), once a day; and through it a report reaches the real collector.
 */
class AutomaticUploadIT {
    @TempDir
    Path tmp;

    Machine machine(String collector) throws Exception {
        Machine m = new Machine(tmp.resolve("machine"));
        assertEquals(0, m.crashwatch("mode", "on").status());
        m.env.put("CRASHWATCH_COLLECTOR", collector);
        m.env.put(UploadSettings.GRACE_DAYS_ENV, "0");
        m.env.put(UploadSettings.TODAY_ENV, UploadEndToEndIT.today());
        m.env.put(UploadSettings.FIRST_PAUSE_ENV, "20");
        return m;
    }

    /** True while another process holds the store's upload lock. */
    static boolean uploadRunning(Machine m) throws IOException {
        Path lock = m.store.resolve("reports").resolve(UploadLock.FILE);
        if (!Files.exists(lock)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock held = ch.tryLock()) {
            return held == null;
        }
    }

    @Test
    void the_run_ends_without_waiting_for_the_upload_it_started_and_nothing_of_it_reaches_the_application()
            throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Machine m = machine("http://127.0.0.1:" + silent.getLocalPort());
            Process run = m.start(Machine.runArgs("npe"));
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the run ended");
            assertEquals(1, run.exitValue());
            Machine.Result r = m.result(run, "run");
            assertFalse(r.out().contains("upload") || r.err().contains("upload"), r.out() + r.err());
            await().atMost(Duration.ofSeconds(60)).until(() -> uploadRunning(m));
            assertEquals(LocalDate.now(ZoneOffset.UTC) + "\n",
                    Files.readString(m.store.resolve("reports").resolve("upload-started")));
            silent.close();
            await().atMost(Duration.ofSeconds(120)).until(() -> !uploadRunning(m));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    Files.readString(m.store.resolve("log").resolve("upload.log")).contains("crashwatch upload:"));
        }
    }

    /** The collector as a process of its own ({@code crashwatch collector --dir DIR --today DAY}), as it is run. */
    @Test
    void a_crash_in_mode_on_sends_the_ended_week_by_itself_at_most_once_a_day() throws Exception {
        Path stored = tmp.resolve("collector");
        try (CollectorProcess collector = new CollectorProcess(List.of("--dir", stored.toString(),
                "--today", UploadEndToEndIT.today()), Map.of(), tmp.resolve("collector.log"))) {
            collector.start();
            Machine m = machine("http://127.0.0.1:" + collector.port());
            m.crash("npe");
            await().atMost(Duration.ofSeconds(90)).until(() -> RealCollector.storedFiles(stored).size() == 1);
            assertEquals("received=" + UploadEndToEndIT.today(),
                    RealCollector.storedFiles(stored).get(0).getParent().getFileName().toString(),
                    "stored under the collector's --today");
            await().atMost(Duration.ofSeconds(30)).until(() -> !uploadRunning(m));
            String log = Files.readString(m.store.resolve("log").resolve("upload.log"));
            m.crash("nested");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                    Files.readString(m.store.resolve("log").resolve("upload.log")).equals(log));
            assertEquals(1, RealCollector.storedFiles(stored).size());
        }
    }
}
