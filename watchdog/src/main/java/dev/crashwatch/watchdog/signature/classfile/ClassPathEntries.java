package dev.crashwatch.watchdog.signature.classfile;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/** Turns a class path string into the jars and directories to search, as the JVM would see them. Never throws. */
public final class ClassPathEntries {
    private ClassPathEntries() {
    }

    /** The jars a jar's manifest adds ({@code Class-Path}, space-separated URLs relative to the jar's folder). */
    static List<Path> manifestClassPath(Path jar) {
        List<Path> out = new ArrayList<>();
        if (!Files.isRegularFile(jar)) {
            return out;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
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
     * Splits a class path string into entries, relative ones against {@code base}, {@code dir/*} into its jars, and a
     * jar's manifest {@code Class-Path} after the jar (as {@code java -jar app.jar} sees it).
     */
    public static List<Path> of(String classPath, Path base, String separator) {
        List<Path> out = new ArrayList<>();
        for (String part : classPath.split(Pattern.quote(separator))) {
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
                    out.addAll(manifestClassPath(p));
                }
            } catch (IOException | RuntimeException e) {
                // A bad entry resolves nothing; the others still count.
            }
        }
        return out;
    }
}
