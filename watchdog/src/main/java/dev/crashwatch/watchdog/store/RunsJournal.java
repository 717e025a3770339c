package dev.crashwatch.watchdog.store;

import dev.crashwatch.watchdog.store.files.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs journal, {@code <store>/runs.journal}: one line appended for each JVM run that ended, by whoever saw it end
 * (the native launcher or relay, which start no JVM for a clean run, or a Java watchdog), and folded into the
 * {@code crashwatch/runs} counters by the next Java command that reads counts ({@code watch.RunsFolder}). Counting a
 * run so costs one append, never a JVM.
 *
 * <p>A line is {@code <epoch seconds>} then the run's hello facts, each as a tab and {@code key=value} (values
 * escaped as in the hello, which escapes tabs), then a newline: {@code 1764771200\tprogram=app\tversion=2.4.0\n}.
 * Folding first claims the journal by renaming it ({@code runs.journal.<hex>.folding}), so appends that come
 * meanwhile start a new journal; a claimed file that a folder left behind (killed) is folded again by the next one,
 * and the counter file's entry IDs make that count once (docs/store.md, "The runs journal").
 */
public final class RunsJournal {
    public static final String FILE = "runs.journal";
    private static final String CLAIMED_SUFFIX = ".folding";
    /** A journal larger than this is not read into memory: it is set aside as unreadable. */
    static final long MAX_BYTES = 64L << 20;

    /** One ended run: when it ended and its hello facts ({@code key=value}, escaped). */
    public record Run(long endEpochSeconds, List<String> facts) {
    }

    /** A claimed journal file and its runs. */
    public record Claimed(Path file, List<Run> runs) {
        /** The ID its counts are added under: the same for every fold of this file, so it counts once. */
        public String foldId() {
            return "runs/" + file.getFileName();
        }
    }

    private RunsJournal() {
    }

    /** Appends one run (no-op in mode off): a single write with {@code O_APPEND}, links not followed. */
    public static void append(Store store, Instant end, List<String> facts) throws IOException {
        if (store.mode() == Mode.OFF) {
            return;
        }
        StringBuilder line = new StringBuilder().append(end.getEpochSecond());
        for (String f : facts) {
            if (f.indexOf('\n') >= 0 || f.indexOf('\t') >= 0) {
                throw new IllegalArgumentException("a fact must be escaped: " + f);
            }
            line.append('\t').append(f);
        }
        line.append('\n');
        PrivateFiles.directories(store.dir());
        Path journal = store.dir().resolve(FILE);
        try {
            Files.createFile(journal, PrivateFiles.fileAttributes()); // 0600, as the C helpers create it
        } catch (FileAlreadyExistsException appendToIt) {
            // Appended to below; a link in its place is refused there.
        }
        try (OutputStream out = Files.newOutputStream(journal, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Claims the journal (if any) and returns every claimed file with its runs, including claimed files that an
     * earlier folder left behind. A file too large to read is renamed {@code .unreadable-<hex>} and skipped.
     */
    public static List<Claimed> claim(Store store) throws IOException {
        Path journal = store.dir().resolve(FILE);
        if (Files.isRegularFile(journal, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.move(journal, store.dir().resolve(FILE + "." + PrivateFiles.randomHex(8) + CLAIMED_SUFFIX),
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException raced) {
                // Another folder claimed it first.
            }
        }
        List<Claimed> claimed = new ArrayList<>();
        if (!Files.isDirectory(store.dir(), LinkOption.NOFOLLOW_LINKS)) {
            return claimed;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(store.dir(), FILE + ".*" + CLAIMED_SUFFIX)) {
            for (Path f : files) {
                if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (Files.size(f) > MAX_BYTES) {
                    Files.move(f, f.resolveSibling(f.getFileName() + ".unreadable-" + PrivateFiles.randomHex(4)));
                    continue;
                }
                try {
                    claimed.add(new Claimed(f, parse(Files.readAllBytes(f))));
                } catch (NoSuchFileException raced) {
                    // Folded and deleted by another folder meanwhile.
                }
            }
        }
        return claimed;
    }

    /**
     * Deletes the journal and every claimed file ({@code clean}): runs that ended before a clean are not counted
     * after it. Returns how many files it deleted.
     */
    static int discard(Path storeDir) throws IOException {
        int deleted = Files.deleteIfExists(storeDir.resolve(FILE)) ? 1 : 0;
        if (Files.isDirectory(storeDir, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(storeDir, FILE + ".*" + CLAIMED_SUFFIX)) {
                for (Path f : files) {
                    deleted += Files.deleteIfExists(f) ? 1 : 0;
                }
            }
        }
        return deleted;
    }

    /** Deletes a claimed file once its counts are in. */
    public static void done(Claimed claimed) throws IOException {
        Files.deleteIfExists(claimed.file());
    }

    /**
     * The runs of a journal's bytes. A line that does not start with a number (foreign) is skipped, and so is a last
     * line with no newline: a write still under way when the journal was claimed, or cut by a full disk, whose facts
     * would name the wrong file. (That one run is not counted: runs are a rate's denominator, not crashes.)
     */
    static List<Run> parse(byte[] bytes) {
        List<Run> runs = new ArrayList<>();
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            String[] parts = line.split("\t");
            try {
                long end = Long.parseLong(parts[0]);
                runs.add(new Run(end, List.of(parts).subList(1, parts.length)));
            } catch (NumberFormatException notARun) {
                // A line cut by a full disk, or not ours: nothing to count.
            }
        }
        return runs;
    }
}
