package dev.crashwatch.agent.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.agent.fixtures.Fifos;
import java.io.File;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer against a real FIFO that nobody reads: it gives up at its deadline and skips everything after. */
class BoundedWriteTest {
    private static final int PIPE_CAPACITY = 65536;

    @TempDir
    Path dir;

    @Test
    void a_write_into_a_full_fifo_gives_up_at_the_deadline_and_marks_the_channel_stuck() throws Exception {
        File fifo = Fifos.mkfifo(dir.resolve("crash.fifo"));
        try (RandomAccessFile holder = new RandomAccessFile(fifo, "rw")) {
            holder.write(new byte[PIPE_CAPACITY]);
            RecordChannel channel = new RecordChannel(1, new FileOutputStream(new RandomAccessFile(fifo, "rw").getFD()));
            byte[] crash = "Exception in thread \"main\" java.lang.Error\n".getBytes();

            long start = System.nanoTime();
            BoundedWrite.send(channel, Wire.CRASH, crash, crash.length, Deadlines.in(300));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertTrue(tookMillis >= 250 && tookMillis < 3000, "gave up after " + tookMillis + " ms");
            assertTrue(channel.stuck());
            assertFalse(channel.usable());
            long again = System.nanoTime();
            BoundedWrite.send(channel, Wire.BYE, new byte[0], 0, Deadlines.in(300));
            assertTrue((System.nanoTime() - again) / 1_000_000 < 100, "a stuck channel is skipped at once");
        }
    }

    @Test
    void a_write_into_a_fifo_with_room_goes_through_at_once() throws Exception {
        File fifo = Fifos.mkfifo(dir.resolve("crash.fifo"));
        try (RandomAccessFile reader = new RandomAccessFile(fifo, "rw")) {
            RecordChannel channel = new RecordChannel(1, new FileOutputStream(new RandomAccessFile(fifo, "rw").getFD()));
            byte[] bye = "handlerReplaced=false\n".getBytes();
            BoundedWrite.send(channel, Wire.BYE, bye, bye.length, Deadlines.in(5000));
            assertTrue(channel.usable());
            byte[] expected = ("CW1 1 BYE 0 0 0 " + bye.length + "\nhandlerReplaced=false\n").getBytes();
            byte[] got = new byte[expected.length];
            reader.readFully(got);
            assertEquals(new String(expected), new String(got));
        }
    }

    @Test
    void a_one_frame_record_into_an_empty_fifo_is_written_inline_and_anything_else_by_a_thread() throws Exception {
        File fifo = Fifos.mkfifo(dir.resolve("crash.fifo"));
        try (RandomAccessFile reader = new RandomAccessFile(fifo, "rw")) {
            RecordChannel channel = new RecordChannel(1, new FileOutputStream(new RandomAccessFile(fifo, "rw").getFD()));
            assertTrue(channel.writableAtOnce(Wire.MAX_PAYLOAD), "empty pipe, one frame");
            assertFalse(channel.writableAtOnce(Wire.MAX_PAYLOAD + 1), "two frames could block half-way");
            channel.write(Wire.BYE, new byte[1], 1);
            assertFalse(channel.writableAtOnce(1), "something queued: the reader may be stuck");
            reader.readFully(new byte[("CW1 1 BYE 0 0 0 1\n").length() + 1]);
            assertTrue(channel.writableAtOnce(1), "drained again");
        }
        assertFalse(new RecordChannel(1, new java.io.ByteArrayOutputStream()).writableAtOnce(1), "not a file");
        assertFalse(new RecordChannel(1, null).writableAtOnce(1), "not connected");
    }

}
