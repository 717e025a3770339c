package dev.crashwatch.watchdog.signature.classfile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Turns a class path string into the jars and directories to search, as the JVM would see them: the entries of
 * the string ({@link #of}), then for each jar, right after it, the jars its manifest adds ({@link
 * #manifestClassPath}), which {@link ClassPathLines} reads only when it searches that far. Never throws.
 */
public final class ClassPathEntries {
    private ClassPathEntries() {
    }

    /**
     * The jars the manifest of {@code jar} (open as {@code zip}) adds: {@code Class-Path}, space-separated URLs
     * relative to the jar's folder.
     */
    static List<Path> manifestClassPath(Path jar, ZipFile zip) {
        List<Path> out = new ArrayList<>();
        ZipEntry entry = zip.getEntry(JarFile.MANIFEST_NAME);
        if (entry == null) {
            return out;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            String classPath = new Manifest(in).getMainAttributes().getValue("Class-Path");
            for (String url : classPath == null ? new String[0] : classPath.trim().split("\\s+")) {
                if (!url.isEmpty() && !url.contains(":")) {
                    out.add(jar.toAbsolutePath().getParent().resolve(URLDecoder.decode(url, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // No manifest to follow: the jar itself still counts.
        }
        return out;
    }

    /**
     * Splits a class path string into entries, relative ones against {@code base}, {@code dir/*} into its jars.
     * Opens no jar: a class path can hold hundreds, and the class a crash needs is usually in one of the first.
     */
    public static List<Path> of(String classPath, Path base, String separator) {
        List<Path> out = new ArrayList<>();
        for (String part : split(classPath, separator)) {
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

    /** {@code text} cut at each {@code separator} (no regular expression: this runs on a crash's way to its counter). */
    private static List<String> split(String text, String separator) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, from)) {
            parts.add(text.substring(from, at));
            from = at + separator.length();
        }
        parts.add(text.substring(from));
        return parts;
    }
}
