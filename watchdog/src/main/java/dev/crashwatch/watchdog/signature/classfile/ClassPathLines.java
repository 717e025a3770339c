package dev.crashwatch.watchdog.signature.classfile;

import dev.crashwatch.watchdog.signature.LineResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A {@link LineResolver} over an application's class path (jars and directories): finds the class file, reads its
 * methods' line ranges and picks, among overloads, the method whose range holds the line. Results are cached per
 * class; a class it cannot find or read resolves nothing. Never throws.
 */
public final class ClassPathLines implements LineResolver {
    /** Jar folders that hold classes in fat jars (Spring Boot), tried after the jar's root. */
    private static final List<String> NESTED_ROOTS = List.of("", "BOOT-INF/classes/", "WEB-INF/classes/");

    private final List<Path> entries;
    private final Map<String, List<MethodLines>> cache = new ConcurrentHashMap<>();
    /** Jars opened once each (a large class path has hundreds); released with this resolver (ZipFile's cleaner). */
    private final Map<Path, Optional<ZipFile>> jars = new ConcurrentHashMap<>();
    /** The jars each jar's manifest adds, read when the search first gets past that jar. */
    private final Map<Path, List<Path>> manifests = new ConcurrentHashMap<>();

    public ClassPathLines(List<Path> entries) {
        this.entries = List.copyOf(entries);
    }

    @Override
    public OptionalInt methodFirstLine(String className, String methodName, int line) {
        MethodLines best = null;
        for (MethodLines m : cache.computeIfAbsent(className, this::load)) {
            if (m.methodName().equals(methodName) && m.contains(line)
                    && (best == null || m.last() - m.first() < best.last() - best.first())) {
                best = m;
            }
        }
        return best == null ? OptionalInt.empty() : OptionalInt.of(best.first());
    }

    private List<MethodLines> load(String className) {
        String resource = className.replace('.', '/') + ".class";
        for (Path entry : entries) {
            List<MethodLines> found = load(entry, resource);
            if (found != null) {
                return found;
            }
            // As the JVM does: the jars a jar's manifest adds come right after it; read only when searched.
            for (Path added : manifestClassPath(entry)) {
                found = load(added, resource);
                if (found != null) {
                    return found;
                }
            }
        }
        return List.of();
    }

    /** The methods of {@code resource} in one class path entry; null if not there or unreadable. */
    private List<MethodLines> load(Path entry, String resource) {
        try {
            byte[] bytes = Files.isDirectory(entry) ? fromDirectory(entry, resource) : fromJar(entry, resource);
            return bytes == null ? null : ClassFileLines.read(bytes);
        } catch (IOException | RuntimeException e) {
            // An unreadable entry or class file: try the next entry; in the end resolve nothing.
            return null;
        }
    }

    private List<Path> manifestClassPath(Path entry) {
        List<Path> added = manifests.get(entry);
        if (added == null) {
            Optional<ZipFile> zip = Files.isDirectory(entry) ? Optional.empty() : jar(entry);
            added = zip.isPresent() ? ClassPathEntries.manifestClassPath(entry, zip.get()) : List.of();
            manifests.put(entry, added);
        }
        return added;
    }

    private Optional<ZipFile> jar(Path jar) {
        return jars.computeIfAbsent(jar, ClassPathLines::open);
    }

    private static byte[] fromDirectory(Path dir, String resource) throws IOException {
        Path file = dir.resolve(resource);
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    private byte[] fromJar(Path jar, String resource) throws IOException {
        Optional<ZipFile> zip = jar(jar);
        if (zip.isEmpty()) {
            return null;
        }
        for (String root : NESTED_ROOTS) {
            ZipEntry e = zip.get().getEntry(root + resource);
            if (e != null) {
                try (InputStream in = zip.get().getInputStream(e)) {
                    return in.readAllBytes();
                }
            }
        }
        return null;
    }

    private static Optional<ZipFile> open(Path jar) {
        try {
            return Files.isRegularFile(jar) ? Optional.of(new ZipFile(jar.toFile())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
