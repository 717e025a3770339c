package dev.crashwatch.agent.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordChannelTest {
    /** Keeps each write(2)-sized call apart, as a pipe would see them. */
    static final class Writes extends OutputStream {
        final List<byte[]> calls = new ArrayList<>();

        @Override
        public void write(int b) {
            calls.add(new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] b, int off, int len) {
            calls.add(Arrays.copyOfRange(b, off, off + len));
        }
    }

    /** One parsed frame. */
    static final class Frame {
        final long pid;
        final String kind;
        final long record;
        final int part;
        final boolean more;
        final byte[] payload;

        private Frame(String[] h, byte[] payload) {
            this.pid = Long.parseLong(h[1]);
            this.kind = h[2];
            this.record = Long.parseLong(h[3]);
            this.part = Integer.parseInt(h[4]);
            this.more = h[5].equals("1");
            this.payload = payload;
        }

        static Frame parse(byte[] bytes) {
            int nl = 0;
            while (bytes[nl] != '\n') {
                nl++;
            }
            String[] h = new String(bytes, 0, nl, StandardCharsets.US_ASCII).split(" ");
            assertEquals(Wire.MAGIC, h[0]);
            byte[] payload = Arrays.copyOfRange(bytes, nl + 1, bytes.length);
            assertEquals(Integer.parseInt(h[6]), payload.length, "length field");
            return new Frame(h, payload);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3999, 4000, 4001, 100_000})
    void a_record_round_trips_in_frames_of_at_most_4096_bytes_one_write_each(int size) {
        byte[] payload = new byte[size];
        new Random(size).nextBytes(payload);
        Writes pipe = new Writes();
        RecordChannel channel = new RecordChannel(4242, pipe);
        channel.write(Wire.CRASH, payload, size);

        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < pipe.calls.size(); i++) {
            byte[] call = pipe.calls.get(i);
            assertTrue(call.length <= Wire.MAX_FRAME, "frame of " + call.length + " bytes");
            Frame f = Frame.parse(call);
            assertEquals(4242, f.pid);
            assertEquals(Wire.CRASH, f.kind);
            assertEquals(0, f.record);
            assertEquals(i, f.part);
            assertEquals(i < pipe.calls.size() - 1, f.more);
            joined.writeBytes(f.payload);
        }
        assertArrayEquals(payload, joined.toByteArray());
        assertEquals(Math.max(1, (size + Wire.MAX_PAYLOAD - 1) / Wire.MAX_PAYLOAD), pipe.calls.size());
    }

    @Test
    void records_are_numbered_in_order() {
        Writes pipe = new Writes();
        RecordChannel channel = new RecordChannel(7, pipe);
        byte[] hello = "pid=7\n".getBytes(StandardCharsets.UTF_8);
        channel.write(Wire.HELLO, hello, hello.length);
        channel.write(Wire.BYE, new byte[0], 0);
        assertEquals(0, Frame.parse(pipe.calls.get(0)).record);
        assertEquals(Wire.BYE, Frame.parse(pipe.calls.get(1)).kind);
        assertEquals(1, Frame.parse(pipe.calls.get(1)).record);
    }

    @Test
    void the_goodbye_is_remembered_and_records_after_it_still_go_out() {
        Writes pipe = new Writes();
        RecordChannel channel = new RecordChannel(42, pipe);
        assertFalse(channel.byeWritten());
        channel.write(Wire.BYE, new byte[0], 0);
        assertTrue(channel.byeWritten());
        channel.write(Wire.HELLO, new byte[1], 1);
        channel.write(Wire.CRASH, new byte[1], 1);
        assertEquals(3, pipe.calls.size());
        assertEquals(Wire.HELLO, Frame.parse(pipe.calls.get(1)).kind);
        assertEquals(Wire.CRASH, Frame.parse(pipe.calls.get(2)).kind);
    }

    @Test
    void the_allocation_free_header_matches_the_format() {
        byte[] buf = new byte[Wire.MAX_HEADER];
        int end = Wire.writeHeader(buf, 0, Long.MAX_VALUE, Wire.HELLO, Long.MAX_VALUE, Integer.MAX_VALUE, true, 4000);
        String expected = "CW1 " + Long.MAX_VALUE + " HELLO " + Long.MAX_VALUE + " " + Integer.MAX_VALUE + " 1 4000\n";
        assertEquals(expected, new String(buf, 0, end, StandardCharsets.US_ASCII));
        assertTrue(end <= Wire.MAX_HEADER);
        assertEquals("CW1 0 END 0 0 0 0\n", new String(Wire.header(0, Wire.END, 0, 0, false, 0), StandardCharsets.US_ASCII));
    }

    @Test
    void a_failing_pipe_marks_the_channel_dead_and_later_records_are_skipped() {
        int[] attempts = {0};
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                attempts[0]++;
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                write(0);
            }
        };
        RecordChannel channel = new RecordChannel(1, broken);
        channel.write(Wire.CRASH, new byte[10], 10);
        assertFalse(channel.usable());
        channel.write(Wire.BYE, new byte[0], 0);
        assertEquals(1, attempts[0]);
    }

    @Test
    void a_channel_without_its_pipe_yet_writes_nothing_until_connected() {
        RecordChannel channel = new RecordChannel(1, null);
        assertFalse(channel.usable());
        Writes pipe = new Writes();
        channel.connect(pipe);
        channel.write(Wire.BYE, new byte[0], 0);
        assertEquals(1, pipe.calls.size());
    }
}
