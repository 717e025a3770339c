package dev.crashwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.agent.fixtures.Fifos;
import dev.crashwatch.agent.wire.RecordChannel;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record an OutOfMemoryError without heap still sends, through a real FIFO (the whole way: FatalErrorsIT). */
class HeapExhaustedRecordTest {
    @TempDir
    Path dir;

    @Test
    void says_which_thread_died_of_what_in_the_next_record() throws Exception {
        File fifo = Fifos.mkfifo(dir.resolve("crash.fifo"));
        try (RandomAccessFile pipe = new RandomAccessFile(fifo, "rw")) {
            RecordChannel channel = new RecordChannel(4242, new FileOutputStream(pipe.getFD()));
            HeapExhaustedRecord prepared = HeapExhaustedRecord.prepare(channel);
            long next = channel.nextRecord() + 1;

            Thread worker = new Thread(() -> { }, "worker-\u00e9 1");
            assertTrue(prepared.send(worker, new OutOfMemoryError("Java heap space")));
            String text = read(pipe);
            String payload = "Exception in thread \"worker-? 1\" java.lang.OutOfMemoryError: Java heap space\n";
            assertEquals("CW1 4242 CRASH " + next + " 0 0 " + payload.length() + "\n" + payload, text);

            assertTrue(prepared.send(worker, new OutOfMemoryError()));
            assertTrue(read(pipe).endsWith("\" java.lang.OutOfMemoryError\n"), "no message, no colon");
            assertTrue(prepared.send(worker, new OutOfMemoryError("x".repeat(5000))));
            assertTrue(read(pipe).length() < 600, "cut to its buffer");
        }
    }

    @Test
    void writes_nothing_into_a_pipe_that_holds_unread_bytes_or_after_the_agent_stood_down() throws Exception {
        File fifo = Fifos.mkfifo(dir.resolve("crash.fifo"));
        try (RandomAccessFile pipe = new RandomAccessFile(fifo, "rw")) {
            FileOutputStream out = new FileOutputStream(pipe.getFD());
            RecordChannel channel = new RecordChannel(4242, out);
            HeapExhaustedRecord prepared = HeapExhaustedRecord.prepare(channel);
            out.write('x'); // the reader is behind: one write could block
            assertFalse(prepared.send(Thread.currentThread(), new OutOfMemoryError()));
            assertEquals("x", read(pipe));
            channel.silence();
            assertFalse(prepared.send(Thread.currentThread(), new OutOfMemoryError()));
            assertEquals("", read(pipe));
        }
    }

    private static String read(RandomAccessFile pipe) throws Exception {
        FileInputStream in = new FileInputStream(pipe.getFD());
        byte[] bytes = new byte[in.available()];
        int n = bytes.length == 0 ? 0 : in.read(bytes);
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }
}
