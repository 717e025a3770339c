package dev.crashwatch.watchdog.store;

import dev.crashwatch.watchdog.store.files.AtomicFiles;
import dev.crashwatch.watchdog.store.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The store's format marker, the file {@code format} ({@code crashwatch-store <N>}): written with the first counter
 * file, checked before counters are read or written. A store marked with a format newer than this crashwatch's, or
 * with a marker it cannot read, is refused with a message saying so, never rewritten (docs/install.md, "Upgrade").
 * A store without a marker is one made before markers existed: format 1.
 */
final class StoreFormat {
    static final String NAME = "format";
    static final String WORD = "crashwatch-store";
    /** The longest marker read: the word, a space, a number. */
    private static final int MAX_BYTES = 64;

    private StoreFormat() {
    }

    /** Fails with {@link NewerStoreException} when the store's marker names a format this crashwatch does not know. */
    static void check(Path dir) throws IOException {
        byte[] marker;
        try {
            marker = Files.readAllBytes(dir.resolve(NAME));
        } catch (NoSuchFileException e) {
            return;
        }
        String text = new String(marker, 0, Math.min(marker.length, MAX_BYTES), StandardCharsets.UTF_8).trim();
        String[] words = text.split("\\s+");
        if (words.length == 2 && words[0].equals(WORD) && words[1].matches("[1-9][0-9]{0,8}")) {
            int format = Integer.parseInt(words[1]);
            if (format <= Store.FORMAT_VERSION) {
                return;
            }
            throw new NewerStoreException(dir + " is a store of format " + format + ", made by a newer crashwatch; this "
                    + "one reads and writes format " + Store.FORMAT_VERSION + " only and leaves it untouched: upgrade "
                    + "crashwatch (docs/install.md)");
        }
        throw new NewerStoreException(dir + " has a format marker this crashwatch does not recognize ("
                + dir.resolve(NAME) + "); it leaves the store untouched: upgrade crashwatch (docs/install.md)");
    }

    /** Checks, then writes the marker if there is none yet. */
    static void checkAndMark(Path dir) throws IOException {
        check(dir);
        Path marker = dir.resolve(NAME);
        if (!Files.exists(marker)) {
            PrivateFiles.directories(dir);
            AtomicFiles.replace(marker, (WORD + " " + Store.FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** A store this crashwatch must not read or write: made by a newer one. */
    static final class NewerStoreException extends IOException {
        private static final long serialVersionUID = 1L;

        NewerStoreException(String message) {
            super(message);
        }
    }
}
