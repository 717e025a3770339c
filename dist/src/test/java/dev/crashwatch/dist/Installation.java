package dev.crashwatch.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A distribution archive unpacked into a directory whose path holds a space, then made read-only ({@code chmod -R
 * a-w}), as an administrator installs it for every user.
 */
final class Installation {
    private final Path root;

    private Installation(Path root) {
        this.root = root;
    }

    /** Unpacks {@code archive} under {@code parent}/"install dir"/ and makes it read-only; returns its root. */
    static Installation unpack(Path archive, Path parent) throws IOException, InterruptedException {
        Path into = Files.createDirectories(parent.resolve("install dir"));
        run(List.of("tar", "-xzf", archive.toString(), "-C", into.toString()));
        Path root;
        try (Stream<Path> entries = Files.list(into)) {
            root = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        run(List.of("chmod", "-R", "a-w", root.toString()));
        return new Installation(root);
    }

    /** Makes it writable again (so that Maven can clean it). */
    void release() throws IOException, InterruptedException {
        run(List.of("chmod", "-R", "u+w", root.toString()));
    }

    Path root() {
        return root;
    }

    Path bin() {
        return root.resolve("bin/crashwatch");
    }

    /** The native entry is bin/crashwatch (the platform archive, built with a C compiler): the script is in libexec/. */
    boolean hasEntry() {
        return Files.isRegularFile(root.resolve("libexec/crashwatch"));
    }

    /** The crashwatch script: libexec/crashwatch beside the native entry, else bin/crashwatch. */
    Path script() {
        return hasEntry() ? root.resolve("libexec/crashwatch") : bin();
    }

    Path lib() {
        return root.resolve("lib");
    }

    Path samples() {
        return lib().resolve("crashwatch-samples.jar");
    }

    /** Every file and directory in it with its size and modification time: equal before and after means untouched. */
    TreeMap<String, String> snapshot() throws IOException {
        TreeMap<String, String> all = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                all.put(root.relativize(p).toString(), a.size() + " " + a.lastModifiedTime());
            }
        }
        return all;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).inheritIO().start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(command + " failed");
        }
    }
}
