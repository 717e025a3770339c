package dev.crashwatch.agent.wire;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The crash spool ({@code docs/protocol.md}, "The spool"): a crash record the agent could not hand to a watchdog in
 * time (the sidecar's pipe not connected yet, a stopped or slow watchdog) is written, as raw {@link Wire} frames
 * (the hello, then the crash under its pipe record number), to {@code <store>/spool/<pid>-<startMillis>-<record>.cw1}:
 * directory 0700, file 0600, under a temporary name ({@code .<name>.tmp}) renamed into place, so a reader sees a
 * whole file or none. The next watchdog of any kind counts it once and deletes it.
 */
public final class Spool {
    /** The spool's directory in the store. */
    public static final String DIR = "spool";
    /** A spooled record's file name ends with this. */
    public static final String SUFFIX = ".cw1";
    /** A spool file is written under its name between these, then renamed into place. */
    public static final String TEMP_PREFIX = ".";
    public static final String TEMP_SUFFIX = ".tmp";

    private Spool() {
    }

    /** The file name of record {@code record} of the JVM {@code pid} whose agent started at {@code startMillis}. */
    public static String name(long pid, long startMillis, long record) {
        return pid + "-" + startMillis + "-" + record + SUFFIX;
    }

    /**
     * Spools one crash record with the JVM's hello; returns the file, or null when it was not written (a store that
     * is not a private directory of this user, a full disk: nothing is left behind then; or a copy of the record is
     * there already, spooled by the relay, and is left as it is). Never throws.
     */
    public static File write(File storeDir, long pid, long startMillis, long record, ByteSink hello, byte[] crash,
            int length) {
        Path temp = null;
        try {
            Path dir = privateDirectory(storeDir.toPath());
            Path target = dir.resolve(name(pid, startMillis, record));
            // A temporary file of this name is the relay's, spooling the same record (a record number is used once
            // per JVM): CREATE_NEW refuses it, and it is left alone.
            Path mine = dir.resolve(TEMP_PREFIX + target.getFileName() + TEMP_SUFFIX);
            Set<OpenOption> create = new HashSet<>();
            create.add(StandardOpenOption.CREATE_NEW);
            create.add(StandardOpenOption.WRITE);
            create.add(LinkOption.NOFOLLOW_LINKS);
            try (FileChannel file = FileChannel.open(mine, create, PrivateDir.fileAttributes());
                    OutputStream out = Channels.newOutputStream(file)) {
                temp = mine; // created here: deleted again if anything below fails
                RecordChannel frames = new RecordChannel(pid, out);
                if (hello != null && !frames.write(Wire.HELLO, hello.array(), hello.length())
                        || !frames.write(Wire.CRASH, crash, length, record)) {
                    throw new IOException("could not write " + temp);
                }
            }
            placeOnce(temp, target);
            return target.toFile();
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temp);
            return null;
        }
    }

    /**
     * Puts {@code temp} in place as {@code target} unless a file of that name is there already: the relay may have
     * spooled the same record whole (docs/protocol.md, "The spool"), and the agent deletes its own copy again when the
     * pipe took the record after all, so it must never have replaced the relay's. A hard link ({@code link(2)}, which
     * fails on an existing name) where the file system has them, else a move that refuses an existing target.
     */
    private static void placeOnce(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException spooledFirst) {
            throw spooledFirst;
        } catch (IOException | UnsupportedOperationException noHardLinks) {
            Files.move(temp, target);
            return;
        }
        Files.delete(temp);
    }

    /** {@code <store>/spool}, created 0700 if missing; refused unless both are this user's directories, no links. */
    private static Path privateDirectory(Path store) throws IOException {
        PrivateDir.ensure(store);
        return PrivateDir.ensure(store.resolve(DIR));
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            // Nothing more to do: a leftover temporary file is swept by the next watchdog.
        }
    }
}
