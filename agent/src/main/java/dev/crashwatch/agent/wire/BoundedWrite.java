package dev.crashwatch.agent.wire;

/**
 * One record written on a short-lived daemon thread that the caller waits for, at most until a deadline: a full or
 * dead pipe delays the JVM by that much and no more. A record that one write into an empty pipe carries (the usual
 * goodbye, most crashes) is written inline: such a write cannot block, and a thread costs the exit a millisecond or
 * more on a busy machine. If no thread can be created (out of memory, "unable to create native thread") the record
 * is written inline too.
 */
public final class BoundedWrite extends Thread {
    private final RecordChannel channel;
    private final String kind;
    private final byte[] payload;
    private final int length;

    private BoundedWrite(RecordChannel channel, String kind, byte[] payload, int length) {
        super("crashwatch-write");
        setDaemon(true);
        this.channel = channel;
        this.kind = kind;
        this.payload = payload;
        this.length = length;
    }

    @Override
    public void run() {
        channel.write(kind, payload, length);
    }

    /** Writes a record, waiting until {@code deadline} ({@link System#nanoTime()}) at most. Never throws. */
    public static void send(RecordChannel channel, String kind, byte[] payload, int length, long deadline) {
        if (!channel.usable()) {
            return;
        }
        if (channel.writableAtOnce(length)) {
            channel.write(kind, payload, length);
            return;
        }
        BoundedWrite writer;
        try {
            writer = new BoundedWrite(channel, kind, payload, length);
            writer.start();
        } catch (Throwable noThread) {
            channel.write(kind, payload, length);
            return;
        }
        if (!Deadlines.join(writer, deadline)) {
            channel.markStuck();
        }
    }
}
