package dev.crashwatch.watchdog.pipe;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Joins frames into records by (pid, record number): frames of different JVMs may interleave on one pipe.
 * A record whose parts come out of order, or that grows past the size cap, is finished as incomplete.
 */
final class RecordAssembler {
    /**
     * A record's identity. A class, not a record: a record's hashCode bootstraps method handles on first use
     * (~30 ms of the watchdog's CPU, beside the child it starts; docs/benchmarks.md, "Launcher cost").
     */
    private static final class Key {
        private final long pid;
        private final long number;

        Key(long pid, long number) {
            this.pid = pid;
            this.number = number;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.pid == pid && k.number == number;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(pid) * 31 + Long.hashCode(number);
        }
    }

    /** A record being joined. */
    private static final class Pending {
        final String kind;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int nextPart;
        boolean broken;

        Pending(String kind) {
            this.kind = kind;
        }
    }

    private final int maxRecord;
    private final Map<Key, Pending> pending = new LinkedHashMap<>();

    RecordAssembler(int maxRecord) {
        this.maxRecord = maxRecord;
    }

    /** Adds one frame; returns the records it finished (none, or one, or two when it displaced a stale one). */
    List<PipeRecord> add(FrameHeader h, byte[] payload) {
        List<PipeRecord> done = new ArrayList<>(1);
        Key key = new Key(h.pid(), h.number());
        Pending p = pending.get(key);
        if (h.part() == 0 && p != null) {
            done.add(finish(key, pending.remove(key), false));
            p = null;
        }
        if (p == null) {
            p = new Pending(h.kind());
            p.broken = h.part() != 0;
            pending.put(key, p);
        }
        if (h.part() != p.nextPart || !Objects.equals(h.kind(), p.kind)) {
            p.broken = true;
        }
        p.nextPart = h.part() + 1;
        append(p, payload);
        if (!h.more()) {
            done.add(finish(key, pending.remove(key), !p.broken));
        }
        return done;
    }

    /** Finishes every record still waiting for parts: the stream ended, so they are incomplete. */
    List<PipeRecord> drain() {
        List<PipeRecord> done = new ArrayList<>();
        for (Map.Entry<Key, Pending> e : pending.entrySet()) { // no lambda: the first one costs the watchdog ~15 ms
            done.add(finish(e.getKey(), e.getValue(), false));
        }
        pending.clear();
        return done;
    }

    private void append(Pending p, byte[] payload) {
        int room = maxRecord - p.bytes.size();
        if (payload.length > room) {
            p.broken = true;
        }
        p.bytes.write(payload, 0, Math.max(0, Math.min(room, payload.length)));
    }

    private static PipeRecord finish(Key key, Pending p, boolean complete) {
        return new PipeRecord(key.pid, p.kind, key.number, p.bytes.toByteArray(), complete);
    }
}
