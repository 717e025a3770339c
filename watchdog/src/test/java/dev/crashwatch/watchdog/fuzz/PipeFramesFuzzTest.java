package dev.crashwatch.watchdog.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crashwatch.agent.wire.Wire;
import dev.crashwatch.watchdog.pipe.FrameReader;
import dev.crashwatch.watchdog.pipe.PipeListener;
import dev.crashwatch.watchdog.pipe.PipeRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipe's frame reader on any bytes: it never throws, never keeps more than its caps, and a valid record that
 * follows garbage (bytes with no {@code CW1} in them, which cannot start a frame) is still read as itself.
 */
class PipeFramesFuzzTest {
    /** Bound on what one garbage run or record may hand over: the reader's two ends and a newline. */
    private static final int MAX_HANDED_OVER = 256 << 10 + 1;

    @FuzzTest(maxDuration = "20s")
    void a_valid_record_after_garbage_is_recovered(FuzzedDataProvider data) {
        byte[] garbage = withoutMagic(data.consumeBytes(data.consumeInt(0, 20_000)));
        // A payload holding a whole header line of its own is read as a cut frame (docs/protocol.md, the reader after garbage):
        // the known limit of resynchronising, so the crash text the fuzzer makes holds no magic either.
        byte[] crash = withoutMagic(data.consumeRemainingAsBytes());
        ByteArrayOutputStream pipe = new ByteArrayOutputStream();
        pipe.writeBytes(garbage);
        int parts = Math.max(1, (crash.length + Wire.MAX_PAYLOAD - 1) / Wire.MAX_PAYLOAD);
        for (int i = 0; i < parts; i++) {
            int from = i * Wire.MAX_PAYLOAD;
            int n = Math.min(crash.length - from, Wire.MAX_PAYLOAD);
            pipe.writeBytes(Wire.header(4242, Wire.CRASH, 7, i, i < parts - 1, Math.max(0, n)));
            pipe.write(crash, from, Math.max(0, n));
        }
        Collected c = read(pipe.toByteArray());
        assertTrue(!c.records.isEmpty(), "the record after the garbage is lost");
        PipeRecord last = c.records.get(c.records.size() - 1);
        assertEquals(4242, last.pid());
        assertTrue(last.complete());
        if (crash.length <= 64 << 10) {
            assertArrayEquals(crash, last.payload());
        }
    }

    @FuzzTest(maxDuration = "20s")
    void any_bytes_are_read_without_an_exception_and_in_bounded_memory(byte[] bytes) {
        read(bytes);
    }

    private static Collected read(byte[] bytes) {
        Collected c = new Collected();
        new FrameReader(new ByteArrayInputStream(bytes), c, 999).run();
        return c;
    }

    /** The bytes with every {@code CW1} made {@code CX1}: garbage that cannot start a frame. */
    private static byte[] withoutMagic(byte[] bytes) {
        for (int i = 0; i + 2 < bytes.length; i++) {
            if (bytes[i] == 'C' && bytes[i + 1] == 'W' && bytes[i + 2] == '1') {
                bytes[i + 1] = 'X';
            }
        }
        return bytes;
    }

    private static final class Collected implements PipeListener {
        final List<PipeRecord> records = new ArrayList<>();

        @Override
        public void onRecord(PipeRecord record) {
            assertTrue(record.payload().length <= MAX_HANDED_OVER, "a record over the cap");
            records.add(record);
        }

        @Override
        public void onGarbage(byte[] bytes) {
            assertTrue(bytes.length <= MAX_HANDED_OVER, "a garbage run over the cap");
        }
    }
}
