package dev.crashwatch.watchdog.signature.classfile;

import dev.crashwatch.watchdog.signature.LineResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
            try {
                byte[] bytes = Files.isDirectory(entry) ? fromDirectory(entry, resource) : fromJar(entry, resource);
                if (bytes != null) {
                    return ClassFileLines.read(bytes);
                }
            } catch (IOException | RuntimeException e) {
                // An unreadable entry or class file: try the next entry; in the end resolve nothing.
            }
        }
        return List.of();
    }

    private static byte[] fromDirectory(Path dir, String resource) throws IOException {
        Path file = dir.resolve(resource);
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    private byte[] fromJar(Path jar, String resource) throws IOException {
        Optional<ZipFile> zip = jars.computeIfAbsent(jar, ClassPathLines::open);
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

    /** Splits a class path string into entries, relative ones against {@code base}, {@code dir/*} into its jars. */
    public static List<Path> entries(String classPath, Path base, String separator) {
        List<Path> out = new ArrayList<>();
        for (String part : classPath.split(java.util.regex.Pattern.quote(separator))) {
            if (part.isBlank()) {
                continue;
            }
            try {
                Path p = base.resolve(part.strip());
                if (p.getFileName() != null && p.getFileName().toString().equals("*")) {
                    try (var jars = Files.list(p.getParent())) {
                        jars.filter(j -> j.toString().endsWith(".jar") || j.toString().endsWith(".JAR")).sorted().forEach(out::add);
                    }
                } else {
                    out.add(p);
                }
            } catch (IOException | RuntimeException e) {
                // A bad entry resolves nothing; the others still count.
            }
        }
        return out;
    }
}
