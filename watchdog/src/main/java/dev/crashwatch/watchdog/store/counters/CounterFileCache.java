package dev.crashwatch.watchdog.store.counters;

import dev.crashwatch.watchdog.store.files.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A derived, disposable index of parsed counter files ({@code cache/counters.v1.bin}) so that triage over a large
 * store does not parse hundreds of megabytes of JSON each time. The counter files stay the only truth: an entry
 * is used only while its file has the same size and modification time, and only when that time is at least
 * {@link #RACY_MARGIN_NANOS} older than the cache itself (as git treats "racily clean" index entries), so a file
 * rewritten within the clock's granularity is always parsed again. Any problem reading the cache means no cache.
 */
final class CounterFileCache {
    private static final String MAGIC = "crashwatch-counter-cache/v1";
    private static final long RACY_MARGIN_NANOS = 2_000_000_000L;

    /** A file's identity for the cache: its name, size and modification time. */
    record Stamp(String fileName, long size, long modifiedNanos) {
        static Stamp of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(file.getFileName().toString(), a.size(),
                    a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
        }
    }

    private record Entry(Stamp stamp, CounterFileKey key, Map<String, Long> counters) {
    }

    /** An entry as read from the cache: its stamp and its still-encoded key and counters. */
    private record Encoded(Stamp stamp, ByteBuffer block) {
    }

    private final Path file;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Encoded> encoded = new ConcurrentHashMap<>();
    private final List<String> names = new ArrayList<>();
    private long writtenNanos;
    private volatile boolean changed;

    private CounterFileCache(Path file) {
        this.file = file;
    }

    /** The cache at {@code file}, empty when absent or unreadable. */
    static CounterFileCache load(Path file) {
        CounterFileCache cache = new CounterFileCache(file);
        try {
            cache.readFrom(ByteBuffer.wrap(Files.readAllBytes(file)));
        } catch (IOException | RuntimeException e) {
            cache.entries.clear();
            cache.encoded.clear();
            cache.changed = Files.exists(file);
        }
        return cache;
    }

    /** The cached parse of the file with {@code stamp}, if still valid (decoded on first use). */
    CounterFile get(Path path, Stamp stamp) {
        Entry e = entries.get(stamp.fileName());
        if (e == null) {
            Encoded enc = encoded.get(stamp.fileName());
            if (enc == null || !enc.stamp().equals(stamp)) {
                return null;
            }
            e = decode(enc);
        }
        boolean valid = e != null && e.stamp().equals(stamp)
                && stamp.modifiedNanos() < writtenNanos - RACY_MARGIN_NANOS;
        return valid ? new CounterFile(path, e.key(), e.counters()) : null;
    }

    /** Records a freshly parsed file (thread-safe). */
    void put(Stamp stamp, CounterFile parsed) {
        entries.put(stamp.fileName(), new Entry(stamp, parsed.key(), parsed.counters()));
        changed = true;
    }

    /** Drops entries of files that no longer exist. */
    void retainOnly(java.util.Set<String> fileNames) {
        boolean dropped = entries.keySet().retainAll(fileNames);
        dropped |= encoded.keySet().retainAll(fileNames);
        changed |= dropped;
    }

    /** Writes the cache if anything changed; best effort (a read-only store simply has no cache). */
    void saveIfChanged() {
        if (!changed) {
            return;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            writeTo(new DataOutputStream(new BufferedOutputStream(bytes, 1 << 16)));
            AtomicFiles.replace(file, bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            // No cache this time: the next reader parses the files.
        }
    }

    private void writeTo(DataOutputStream out) throws IOException {
        for (Encoded enc : encoded.values()) {
            entries.computeIfAbsent(enc.stamp().fileName(), f -> decode(enc));
        }
        out.writeUTF(MAGIC);
        out.writeLong(System.currentTimeMillis() * 1_000_000L);
        Map<String, Integer> nameIds = new LinkedHashMap<>();
        entries.values().forEach(e -> e.counters().keySet().forEach(n -> nameIds.putIfAbsent(n, nameIds.size())));
        out.writeInt(nameIds.size());
        for (String name : nameIds.keySet()) {
            writeString(out, name);
        }
        out.writeInt(entries.size());
        for (Entry e : entries.values()) {
            writeString(out, e.stamp().fileName());
            out.writeLong(e.stamp().size());
            out.writeLong(e.stamp().modifiedNanos());
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            DataOutputStream b = new DataOutputStream(block);
            CounterFileKey k = e.key();
            for (String s : List.of(k.program(), k.version(), k.javaVersion(), k.os(), k.arch(),
                    k.weekStart().toString())) {
                writeString(b, s);
            }
            b.writeInt(e.counters().size());
            for (Map.Entry<String, Long> c : e.counters().entrySet()) {
                b.writeInt(nameIds.get(c.getKey()));
                b.writeLong(c.getValue());
            }
            b.flush();
            out.writeInt(block.size());
            block.writeTo(out);
        }
        out.flush();
    }

    /** Decodes an entry's block; null when it is damaged (the file is then parsed instead). */
    private Entry decode(Encoded enc) {
        try {
            ByteBuffer in = enc.block().duplicate();
            CounterFileKey key = new CounterFileKey(readString(in), readString(in), readString(in), readString(in),
                    readString(in), LocalDate.parse(readString(in)));
            int size = in.getInt();
            if (size < 0 || size > in.remaining() / 12) {
                return null;
            }
            int[] ids = new int[size];
            long[] counts = new long[size];
            for (int i = 0; i < size; i++) {
                ids[i] = in.getInt();
                counts[i] = in.getLong();
                if (ids[i] < 0 || ids[i] >= names.size()) {
                    return null;
                }
            }
            return new Entry(enc.stamp(), key, new CompactCounts(names, ids, counts));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void readFrom(ByteBuffer in) throws IOException {
        byte[] magic = new byte[in.getShort()];
        in.get(magic);
        if (!MAGIC.equals(new String(magic, StandardCharsets.UTF_8))) {
            throw new IOException("not a " + MAGIC);
        }
        writtenNanos = in.getLong();
        for (int i = in.getInt(); i > 0; i--) {
            names.add(readString(in));
        }
        for (int n = in.getInt(); n > 0; n--) {
            Stamp stamp = new Stamp(readString(in), in.getLong(), in.getLong());
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new IOException("bad entry length " + length);
            }
            ByteBuffer block = in.slice(in.position(), length);
            in.position(in.position() + length);
            encoded.put(stamp.fileName(), new Encoded(stamp, block));
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(ByteBuffer in) throws IOException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IOException("bad string length " + length);
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }
}
