package dev.crashwatch.fleet.query;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@code stat} of a day folder says about its list of names: its modification time, its status change time
 * where the platform gives it (Unix) and its identity (device and inode). Adding, removing or renaming a name in a
 * folder sets both times, so a folder whose stamp equals the one a compaction recorded holds the names it listed,
 * provided the stamp was not racy: a name added within the same tick of the file system's clock as the recorded
 * {@code stat} leaves the times unchanged. Git's rule for a "racily clean" index entry is followed: a stamp is
 * trusted only when both times are strictly before {@code listed}, a file-system timestamp taken just before the
 * {@code stat} ({@link #fileSystemNow}); otherwise the folder is listed again.
 *
 * @param changed empty where the platform has no status change time
 * @param key     the folder's identity, or empty where the platform has none
 */
record FolderStamp(FileTime modified, Optional<FileTime> changed, String key) {
    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    /** The stamp of {@code dir} now, or empty when it is not a folder (gone, or a link). */
    static Optional<FolderStamp> of(Path dir) {
        try {
            if (UNIX) {
                Map<String, Object> a = Files.readAttributes(dir, "unix:isDirectory,lastModifiedTime,ctime,dev,ino",
                    LinkOption.NOFOLLOW_LINKS);
                return Boolean.TRUE.equals(a.get("isDirectory"))
                    ? Optional.of(new FolderStamp((FileTime) a.get("lastModifiedTime"), Optional.of((FileTime) a.get("ctime")),
                        a.get("dev") + ":" + a.get("ino")))
                    : Optional.empty();
            }
            BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isDirectory()
                ? Optional.of(new FolderStamp(a.lastModifiedTime(), Optional.empty(), String.valueOf(a.fileKey())))
                : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The file system's clock now, as it stamps files in {@code folder} (created if missing): the modification time
     * of a new file there, which is then removed. Coarser and possibly behind the JVM's clock, it is the only clock
     * a folder's stamp can be compared with.
     */
    static FileTime fileSystemNow(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path probe = Files.createTempFile(folder, ".clock-", ".tmp");
        try {
            return Files.getLastModifiedTime(probe, LinkOption.NOFOLLOW_LINKS);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** True when no change to the folder after {@code listed} can leave this stamp as it is. */
    boolean clearlyBefore(FileTime listed) {
        return modified.compareTo(listed) < 0 && changed.map(c -> c.compareTo(listed) < 0).orElse(true);
    }
}
