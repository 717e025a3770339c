package dev.crashwatch.watchdog.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JDKs installed in the system's JVM folder ({@code /usr/lib/jvm}), one per feature release, so that
 * crash tests can run on each of them (JDK 17 and Temurin 25 on these machines).
 */
public final class Jdks {
    private static final Path JVM_DIR = Paths.get("/usr/lib/jvm");

    private Jdks() {
    }

    /** A JDK: its feature release and its {@code bin/java}. */
    public record Jdk(int feature, Path java) {
        @Override
        public String toString() {
            return "JDK " + feature;
        }
    }

    /** One JDK per feature release found (the first directory in name order wins), sorted by release. */
    public static List<Jdk> all() {
        List<Jdk> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(JVM_DIR)) {
            dirs.sorted().forEach(dir -> probe(dir).ifPresent(jdk -> {
                if (found.stream().noneMatch(j -> j.feature() == jdk.feature())) {
                    found.add(jdk);
                }
            }));
        } catch (IOException e) {
            // No JVM folder: only the running JDK, below.
        }
        if (found.isEmpty()) {
            found.add(new Jdk(Runtime.version().feature(), Paths.get(System.getProperty("java.home"), "bin", "java")));
        }
        found.sort((a, b) -> Integer.compare(a.feature(), b.feature()));
        return found;
    }

    /** The JDK of one feature release, if installed. */
    public static Optional<Jdk> feature(int feature) {
        return all().stream().filter(j -> j.feature() == feature).findFirst();
    }

    private static Optional<Jdk> probe(Path dir) {
        Path java = dir.resolve("bin/java");
        Path release = dir.resolve("release");
        if (!Files.isExecutable(java) || !Files.isRegularFile(release) || Files.isSymbolicLink(dir)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String major = v.startsWith("1.") ? v.substring(2, 3) : v.split("[.+-]")[0];
                    return Optional.of(new Jdk(Integer.parseInt(major), java));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
