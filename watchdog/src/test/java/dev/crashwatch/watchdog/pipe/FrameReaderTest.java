package dev.crashwatch.watchdog.pipe;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.agent.wire.Wire;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameReaderTest {
    private static final long WATCHDOG = 999;

    /** Collects what the reader reports. */
    private static final class Collected implements PipeListener {
        final List<PipeRecord> records = new ArrayList<>();
        final List<byte[]> garbage = new ArrayList<>();

        @Override
        public void onRecord(PipeRecord record) {
            records.add(record);
        }

        @Override
        public void onGarbage(byte[] bytes) {
            garbage.add(bytes);
        }

        String garbageText() {
            StringBuilder sb = new StringBuilder();
            garbage.forEach(g -> sb.append(new String(g, StandardCharsets.ISO_8859_1)));
            return sb.toString();
        }
    }

    private final ByteArrayOutputStream pipe = new ByteArrayOutputStream();

    private void frame(long pid, String kind, long record, int part, boolean more, byte[] payload) {
        pipe.writeBytes(Wire.header(pid, kind, record, part, more, payload.length));
        pipe.writeBytes(payload);
    }

    /** Writes a record as the agent does: parts of at most MAX_PAYLOAD bytes. */
    private void record(long pid, String kind, long record, byte[] payload) {
        int parts = Math.max(1, (payload.length + Wire.MAX_PAYLOAD - 1) / Wire.MAX_PAYLOAD);
        for (int i = 0; i < parts; i++) {
            int from = i * Wire.MAX_PAYLOAD;
            frame(pid, kind, record, i, i < parts - 1,
                    Arrays.copyOfRange(payload, from, Math.min(payload.length, from + Wire.MAX_PAYLOAD)));
        }
    }

    private void raw(String text) {
        pipe.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private Collected read() {
        return read(FrameReader.MAX_RECORD);
    }

    private Collected read(int maxRecord) {
        Collected c = new Collected();
        new FrameReader(new ByteArrayInputStream(pipe.toByteArray()), c, WATCHDOG, maxRecord).run();
        return c;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void joins_a_multi_frame_record() {
        byte[] big = new byte[10_000];
        new Random(1).nextBytes(big);
        record(42, Wire.CRASH, 1, big);
        Collected c = read();
        assertEquals(1, c.records.size());
        assertTrue(c.records.get(0).complete());
        assertArrayEquals(big, c.records.get(0).payload());
        assertTrue(c.garbage.isEmpty());
    }

    @Test
    void joins_interleaved_records_of_two_jvms_by_pid_and_number() {
        frame(1, Wire.CRASH, 7, 0, true, text("a1"));
        frame(2, Wire.CRASH, 7, 0, true, text("b1"));
        frame(2, Wire.CRASH, 7, 1, false, text("b2"));
        frame(1, Wire.CRASH, 7, 1, false, text("a2"));
        Collected c = read();
        assertEquals(List.of("b1b2", "a1a2"), c.records.stream().map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList());
        assertTrue(c.records.stream().allMatch(PipeRecord::complete));
    }

    @Test
    void garbage_before_between_and_after_frames_is_reported_and_frames_survive() {
        raw("hello there\n");
        record(5, Wire.HELLO, 0, text("pid=5\n"));
        raw("CW1 not a header\nmore junk without newline");
        raw("\n");
        record(5, Wire.CRASH, 1, text("trace"));
        raw("tail");
        Collected c = read();
        assertEquals(2, c.records.size());
        assertEquals("hello there\nCW1 not a header\nmore junk without newline\ntail", c.garbageText());
    }

    @Test
    void binary_bytes_never_stop_the_reader() {
        byte[] noise = new byte[200_000];
        new Random(2).nextBytes(noise);
        pipe.writeBytes(noise);
        raw("\n");
        record(9, Wire.CRASH, 1, text("after the noise"));
        Collected c = read();
        assertEquals(1, c.records.size());
        assertEquals("after the noise", new String(c.records.get(0).payload(), StandardCharsets.UTF_8));
        assertEquals(noise.length + 1, c.garbage.stream().mapToInt(g -> g.length).sum());
    }

    @Test
    void a_ten_megabyte_line_is_garbage_in_capped_chunks() {
        byte[] line = new byte[10 << 20];
        Arrays.fill(line, (byte) 'x');
        pipe.writeBytes(line);
        raw("\n");
        record(9, Wire.BYE, 2, new byte[0]);
        Collected c = read(4 << 20);
        assertEquals(1, c.records.size());
        assertEquals(3, c.garbage.size());
        assertTrue(c.garbage.stream().allMatch(g -> g.length <= 4 << 20));
    }

    @Test
    void a_record_over_the_cap_is_cut_and_incomplete() {
        record(3, Wire.CRASH, 1, new byte[100_000]);
        Collected c = read(50_000);
        assertEquals(1, c.records.size());
        assertFalse(c.records.get(0).complete());
        assertEquals(50_000, c.records.get(0).payload().length);
    }

    @Test
    void a_record_cut_by_the_end_of_the_stream_is_incomplete() {
        frame(3, Wire.CRASH, 1, 0, true, text("first part"));
        pipe.writeBytes(Wire.header(3, Wire.CRASH, 1, 1, false, 100));
        raw("only some");
        Collected c = read();
        assertEquals(1, c.records.size());
        assertFalse(c.records.get(0).complete());
        assertEquals("first partonly some", new String(c.records.get(0).payload(), StandardCharsets.UTF_8));
    }

    @Test
    void parts_out_of_order_make_the_record_incomplete() {
        frame(3, Wire.CRASH, 1, 1, false, text("second without first"));
        Collected c = read();
        assertFalse(c.records.get(0).complete());
    }

    @Test
    void crlf_header_lines_are_read_and_payload_kept_byte_for_byte() {
        byte[] payload = text("Exception in thread \"main\" x\r\n\tat a.B.c(B.java:1)\r\n");
        raw("CW1 4 CRASH 1 0 0 " + payload.length + "\r\n");
        pipe.writeBytes(payload);
        Collected c = read();
        assertTrue(c.records.get(0).complete());
        assertArrayEquals(payload, c.records.get(0).payload());
    }

    @Test
    void stops_at_the_watchdogs_own_end_frame_only() {
        frame(77, Wire.END, 0, 0, false, new byte[0]);
        record(5, Wire.CRASH, 1, text("still read"));
        frame(WATCHDOG, Wire.END, 0, 0, false, new byte[0]);
        record(5, Wire.CRASH, 2, text("after end"));
        Collected c = read();
        assertEquals(List.of("END", "CRASH"), c.records.stream().map(PipeRecord::kind).toList());
    }

    @Test
    void a_failing_stream_ends_reading_like_end_of_stream() {
        frame(3, Wire.CRASH, 1, 0, true, text("part"));
        byte[] bytes = pipe.toByteArray();
        InputStream failing = new InputStream() {
            int i;

            @Override
            public int read() throws IOException {
                if (i < bytes.length) {
                    return bytes[i++] & 0xff;
                }
                throw new IOException("broken pipe");
            }
        };
        Collected c = new Collected();
        new FrameReader(failing, c, WATCHDOG).run();
        assertEquals(1, c.records.size());
        assertFalse(c.records.get(0).complete());
    }

    @Test
    void a_reader_stuck_in_an_unfinished_frame_stops_when_told_and_woken() throws Exception {
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(writer, 1 << 16);
        writer.write(Wire.header(3, Wire.CRASH, 1, 0, false, 500));
        writer.write(text("Exception in thr"));
        writer.flush();
        Collected c = new Collected();
        FrameReader reader = new FrameReader(in, c, WATCHDOG);
        Thread t = new Thread(reader);
        t.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.consumed() > 0);
        reader.stop();
        writer.write(new byte[64]);
        writer.flush();
        t.join(5000);
        assertFalse(t.isAlive());
        assertEquals(1, c.records.size());
        assertFalse(c.records.get(0).complete());
        assertEquals("Exception in thr", new String(c.records.get(0).payload(), StandardCharsets.UTF_8));
    }

    @Test
    void malformed_headers_are_garbage() {
        for (String bad : List.of("CW1 -1 CRASH 1 0 0 0", "CW1 1 crash 1 0 0 0", "CW1 1 CRASH 1 0 2 0",
                "CW1 1 CRASH 1 0 0 99999", "CW1 1 CRASH 1 0 0", "CW1 01 CRASH 1 0 0 0", "CW2 1 CRASH 1 0 0 0")) {
            pipe.reset();
            raw(bad + "\n");
            Collected c = read();
            assertTrue(c.records.isEmpty(), bad);
            assertEquals(bad + "\n", c.garbageText());
        }
    }
}
