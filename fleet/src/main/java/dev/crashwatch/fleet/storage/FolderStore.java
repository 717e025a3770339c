package dev.crashwatch.fleet.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Objects as files under a root folder. A put writes a temporary file under {@code _collector/tmp/}, fsyncs it,
 * renames it to its key and fsyncs the folder that now holds it (and that folder's parent when the folder is new), so
 * a file under its final name is always whole and survives a power cut once put returns. Temporary files left by a
 * killed collector are removed when the store opens: one collector per folder.
 */
public final class FolderStore implements ObjectStore {
    /** Keys are ours, but a key never leaves the root, whatever it holds. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_=.-]+(?:/[A-Za-z0-9_=.-]+)*");
    static final String TEMP = "_collector/tmp";

    private final Path root;
    private final Path temp;
    /** Temporary names: unique in this run without asking a shared random source on every put. */
    private final String session = UUID.randomUUID().toString();
    private final AtomicLong sequence = new AtomicLong();

    public FolderStore(Path root) throws StorageException {
        this.root = root.toAbsolutePath().normalize();
        this.temp = this.root.resolve(TEMP);
        try {
            Files.createDirectories(temp);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(temp)) {
                for (Path p : leftovers) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new StorageException("cannot open the storage folder " + this.root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String key, byte[] bytes) throws StorageException {
        Path target = path(key);
        Path tmp = temp.resolve(session + "-" + sequence.incrementAndGet() + ".tmp");
        try {
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    c.write(buffer);
                }
                c.force(true);
            }
            Path folder = target.getParent();
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                createFolder(folder);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            fsyncFolder(folder);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the next start removes it
            }
            throw new StorageException("cannot write " + key + ": " + e.getMessage(), e);
        }
    }

    private void createFolder(Path folder) throws IOException {
        if (!folder.getParent().equals(root) && !Files.isDirectory(folder.getParent(), LinkOption.NOFOLLOW_LINKS)) {
            createFolder(folder.getParent());
        }
        try {
            Files.createDirectory(folder);
        } catch (FileAlreadyExistsException e) {
            return; // made by a concurrent put
        }
        fsyncFolder(folder.getParent());
    }

    private static void fsyncFolder(Path folder) throws IOException {
        try (FileChannel c = FileChannel.open(folder, StandardOpenOption.READ)) {
            c.force(true);
        }
    }

    @Override
    public Optional<byte[]> get(String key) throws StorageException {
        Path file = path(key);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty(); // most lookups are of IDs not seen yet: no exception for them
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException("cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public List<String> list(String prefix) throws StorageException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> k.startsWith(prefix))
                    .forEach(keys::add);
        } catch (IOException e) {
            throw new StorageException("cannot list " + root + ": " + e.getMessage(), e);
        }
        return keys;
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("bad storage key " + key);
        }
        return root.resolve(key);
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public void close() {
        // nothing held open
    }
}
