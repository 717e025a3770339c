package dev.crashwatch.watchdog.store.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Listing a store directory's regular files, and setting an unreadable one aside. */
public final class RegularFiles {
    /** Part of the name of a file set aside as unreadable: {@code NAME.unreadable-RANDOM}. */
    public static final String UNREADABLE = ".unreadable-";

    private RegularFiles() {
    }

    /** The regular files in {@code dir} that {@code keep} accepts, sorted; none when {@code dir} is absent. */
    public static List<Path> list(Path dir, Predicate<Path> keep) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(keep).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** Moves an unreadable file aside (never overwrites it) so counting can go on in a fresh file. */
    public static void setAside(Path file) throws IOException {
        Files.move(file, file.resolveSibling(file.getFileName() + UNREADABLE + PrivateFiles.randomHex(4)),
                StandardCopyOption.ATOMIC_MOVE);
    }
}
