package dev.crashwatch.watchdog.watch;

import dev.crashwatch.agent.wire.Spool;
import dev.crashwatch.agent.wire.Wire;
import dev.crashwatch.watchdog.pipe.FrameReader;
import dev.crashwatch.watchdog.pipe.Hello;
import dev.crashwatch.watchdog.pipe.PipeListener;
import dev.crashwatch.watchdog.pipe.PipeRecord;
import dev.crashwatch.watchdog.signature.CounterNames;
import dev.crashwatch.watchdog.store.Mode;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import dev.crashwatch.watchdog.store.counters.Weeks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the crash records agents spooled ({@link Spool}; {@code docs/protocol.md}, "The spool"), each exactly once:
 * a spooled record is added with the ID {@code spool/<file name>} in the same atomic rename as its count (the counter
 * file's imported-entry IDs, {@code Store.addOnce}: this machine's own crash, so also the store's last recorded one),
 * then its file is deleted, so a watchdog killed between the two, or two watchdogs at once, never count it twice. The counter file is chosen from the spooled hello alone and
 * the week of the file's time, so every watchdog picks the same one.
 */
public final class SpooledCrashes {
    /**
     * The option that names, to the Java watchdog a native helper starts (the launcher's Java half, the relay's Java
     * sidecar), a spool file the helper wrote for a crash record it hands over: that record is counted by its spooled
     * copy only ({@link StoreRecorder}).
     */
    public static final String OPTION = "--spooled";
    private static final Pattern NAME = Pattern.compile("(\\d{1,18})-(\\d{1,18})-(\\d{1,18})" + Pattern.quote(Spool.SUFFIX));
    private static final Pattern TEMP = Pattern.compile(Pattern.quote(Spool.TEMP_PREFIX) + "(\\d{1,18})-.*"
            + Pattern.quote(Spool.TEMP_SUFFIX));
    /** Largest spool file read: a crash record is at most 16 MiB (the agent's buffer), the reader keeps less. */
    static final long MAX_FILE = 32 << 20;

    private SpooledCrashes() {
    }

    /** The spooled copy of record {@code record} of the JVM {@code pid} (its agent started at {@code startMillis}, 0 unknown). */
    static Optional<Path> find(Store store, long pid, long startMillis, long record) {
        for (Path p : files(store)) {
            Matcher m = NAME.matcher(p.getFileName().toString());
            if (m.matches() && Long.parseLong(m.group(1)) == pid && Long.parseLong(m.group(3)) == record
                    && (startMillis == 0 || Long.parseLong(m.group(2)) == startMillis)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Of the spool files {@code names} (a native helper's, which spooled what it held before it started this Java
     * watchdog: {@link #OPTION}), the one of record {@code record} of the JVM {@code pid}, present or not.
     */
    static Optional<Path> named(Store store, Collection<String> names, long pid, long record) {
        for (String name : names) {
            Matcher m = NAME.matcher(name);
            if (m.matches() && Long.parseLong(m.group(1)) == pid && Long.parseLong(m.group(3)) == record) {
                return Optional.of(store.spoolDir().resolve(name));
            }
        }
        return Optional.empty();
    }

    /**
     * Counts every spooled record whose JVM is gone (a live JVM's agent may still delete its file) and deletes
     * leftover temporary files of gone JVMs. Returns how many records it counted. Never throws.
     */
    public static int countAll(Store store, Diagnostics diagnostics) {
        int counted = 0;
        for (Path p : files(store)) {
            String name = p.getFileName().toString();
            Matcher temp = TEMP.matcher(name);
            if (temp.matches()) {
                if (!LiveProcess.running(Long.parseLong(temp.group(1)))) {
                    deleteQuietly(p);
                }
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (m.matches() && !LiveProcess.runningSince(Long.parseLong(m.group(1)),
                    Instant.ofEpochMilli(Long.parseLong(m.group(2))))) {
                counted += count(store, p, diagnostics) ? 1 : 0;
            }
        }
        return counted;
    }

    /** Counts one spooled record (unless its ID is already in its counter file) and deletes it; false if it could not. */
    static boolean count(Store store, Path file, Diagnostics diagnostics) {
        try {
            if (store.mode() == Mode.OFF) {
                return false;
            }
            Spooled spooled = read(file);
            Hello hello = spooled.hello;
            CounterFileKey key = CounterKeys.of(hello, Labels.NONE, store.hostFacts(),
                    Weeks.startOf(Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant()));
            String name;
            if (spooled.crash != null && spooled.crash.complete()) {
                name = StoreRecorder.crashName(hello, spooled.crash.payload());
            } else {
                name = CounterNames.MALFORMED;
                store.saveMalformed(spooled.raw);
            }
            store.addOnce(key, Map.of(name, 1L), "spool/" + file.getFileName()); // this machine's own: the last crash
            Files.deleteIfExists(file);
            return true;
        } catch (NoSuchFileException gone) {
            return false; // another watchdog counted it and deleted it first
        } catch (IOException | RuntimeException e) {
            diagnostics.note("could not count spooled crash " + file + ": " + e);
            return false;
        }
    }

    private static Spooled read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE) {
            throw new IOException("larger than " + (MAX_FILE >> 20) + " MiB");
        }
        Spooled spooled = new Spooled();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            new FrameReader(in, spooled, 0).run();
        }
        return spooled;
    }

    private static List<Path> files(Store store) {
        List<Path> files = new ArrayList<>();
        Path dir = store.spoolDir();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable spool is read again by the next watchdog.
        }
        files.sort(null);
        return files;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // Swept again next time.
        }
    }

    /** What one spool file holds: the hello and the crash record (the first of each), and its raw bytes. */
    private static final class Spooled implements PipeListener {
        Hello hello = Hello.NONE;
        PipeRecord crash;
        byte[] raw = new byte[0];

        @Override
        public void onRecord(PipeRecord r) {
            if (r.kind().equals(Wire.HELLO) && !hello.isKnown()) {
                hello = Hello.parse(r.payload());
            } else if (r.kind().equals(Wire.CRASH) && crash == null) {
                crash = r;
                raw = r.payload();
            }
        }

        @Override
        public void onGarbage(byte[] bytes) {
            raw = bytes;
        }
    }
}
