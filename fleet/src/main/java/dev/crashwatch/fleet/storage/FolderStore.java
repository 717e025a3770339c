package dev.crashwatch.fleet.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Objects as files under a root folder, each put durable when it returns, whole under its name whenever a reader or
 * a restart looks. A put writes each object to a temporary file under {@code _collector/tmp/} (no fsync), appends
 * the objects to the log under {@code _collector/log/} together with the puts of other threads, returns from that
 * log's one fsync ({@link GroupCommit}) and renames the temporary files to their keys, in order, before returning.
 * The renamed files are fsynced later, many at once, after which the log segment that held them is deleted. On
 * open, temporary files a killed collector left are removed and the segments still there are replayed: their objects
 * written again, in order, and fsynced. One collector per folder.
 */
public final class FolderStore implements ObjectStore {
    /** Keys are ours, but a key never leaves the root, whatever it holds. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_=.-]+(?:/[A-Za-z0-9_=.-]+)*");
    static final String TEMP = "_collector/tmp";
    static final String LOG = "_collector/log";

    private final Path root;
    private final Path temp;
    /** Temporary names: unique in this run without asking a shared random source on every put. */
    private final String session = UUID.randomUUID().toString();
    private final AtomicLong sequence = new AtomicLong();
    private final GroupCommit log;
    /** Set when a rename after the log's fsync failed: the log then holds what the folder lacks until a restart. */
    private volatile String broken;

    public FolderStore(Path root) throws StorageException {
        this.root = root.toAbsolutePath().normalize();
        this.temp = this.root.resolve(TEMP);
        Path logFolder = this.root.resolve(LOG);
        try {
            Files.createDirectories(temp);
            Files.createDirectories(logFolder);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(temp)) {
                for (Path p : leftovers) {
                    Files.deleteIfExists(p);
                }
            }
            List<Path> segments = GroupCommit.segments(logFolder);
            Set<Path> replayed = new LinkedHashSet<>();
            for (Path segment : segments) {
                for (ObjectPut put : LogRecords.read(segment)) {
                    Path target = path(put.key());
                    Files.move(writeTemp(target, put.bytes()), target, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                    replayed.add(target);
                }
            }
            log = new GroupCommit(this.root, logFolder, segments, replayed);
        } catch (IOException | IllegalArgumentException e) {
            throw new StorageException("cannot open the storage folder " + this.root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String key, byte[] bytes) throws StorageException {
        putAll(List.of(new ObjectPut(key, bytes)));
    }

    @Override
    public void putAll(List<ObjectPut> puts) throws StorageException {
        List<Path> targets = puts.stream().map(p -> path(p.key())).toList();
        String keys = puts.stream().map(ObjectPut::key).collect(Collectors.joining(", "));
        if (broken != null) {
            throw new StorageException("cannot write " + keys + ": " + broken, null);
        }
        List<Path> temps = new ArrayList<>();
        try {
            for (int i = 0; i < puts.size(); i++) {
                temps.add(writeTemp(targets.get(i), puts.get(i).bytes()));
            }
            log.commit(LogRecords.encode(puts), targets, () -> install(temps, targets));
        } catch (IOException e) {
            for (Path tmp : temps) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the next start removes it
                }
            }
            throw new StorageException("cannot write " + keys + ": " + e.getMessage(), e);
        }
    }

    /** A temporary file holding {@code bytes}, in a folder on the same file system as {@code target}'s, made. */
    private Path writeTemp(Path target, byte[] bytes) throws IOException {
        Path folder = target.getParent();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder); // made durable with the files in it, by the checkpoint
        }
        Path tmp = temp.resolve(session + "-" + sequence.incrementAndGet() + ".tmp");
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                c.write(buffer);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    private void install(List<Path> temps, List<Path> targets) throws IOException {
        try {
            for (int i = 0; i < temps.size(); i++) {
                Files.move(temps.get(i), targets.get(i), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            broken = "a rename after the log's fsync failed (" + e.getMessage()
                    + "); restart the collector to replay its log";
            throw e;
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
        log.close();
    }
}
