package dev.crashwatch.watchdog.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecordingThreadTest {
    /** Writes down what it is asked to record; fails on a crash whose text is "fail". */
    private static final class Log implements Recorder {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void crash(Session session, long record, byte[] text, boolean complete) {
            String t = new String(text, StandardCharsets.UTF_8);
            if (t.equals("fail")) {
                throw new IllegalStateException("store broken");
            }
            seen.add("crash " + t);
        }

        @Override
        public void fatalLog(Session session, Path log) {
            seen.add("log " + log);
        }

        @Override
        public void plain(Session session, String counterName) {
            seen.add("plain " + counterName);
        }

        @Override
        public void malformed(Session session, byte[] raw) {
            seen.add("malformed " + raw.length);
        }

        @Override
        public void close() {
            seen.add("closed");
        }
    }

    @Test
    void nothing_to_record_creates_no_recorder() {
        AtomicInteger created = new AtomicInteger();
        RecordingThread t = new RecordingThread(() -> {
            created.incrementAndGet();
            return new Log();
        }, message -> { });
        t.close();
        assertEquals(0, created.get());
    }

    @Test
    void records_in_order_survives_a_failing_item_and_closes_the_recorder() {
        Log log = new Log();
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        RecordingThread t = new RecordingThread(() -> log, notes::add);
        Session s = new Session(1);
        t.crash(s, 0, "a".getBytes(StandardCharsets.UTF_8), true);
        t.crash(s, 1, "fail".getBytes(StandardCharsets.UTF_8), true);
        t.plain(s, "crash/signal/SIGKILL");
        t.fatalLog(s, Path.of("/tmp/hs_err_pid1.log"));
        t.malformed(null, new byte[3]);
        t.close();
        assertEquals(List.of("crash a", "plain crash/signal/SIGKILL", "log /tmp/hs_err_pid1.log", "malformed 3", "closed"),
                log.seen);
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("store broken"), notes.toString());
    }
}
