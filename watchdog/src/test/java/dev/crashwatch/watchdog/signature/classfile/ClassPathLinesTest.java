package dev.crashwatch.watchdog.signature.classfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.signature.LineResolver;
import dev.crashwatch.watchdog.signature.LineResolvers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathLinesTest {
    private static final String SOURCE = """
            package p;
            public class Over {
                static int f(int a) {
                    return a + 1;
                }
                static int f(String s) {
                    int n = s.length();
                    return n * 2;
                }
                static Runnable r() {
                    return () -> {
                        throw new IllegalStateException();
                    };
                }
                static final long BIG = System.nanoTime() << 40;
                static final double D = 2.5;
            }
            """;

    @TempDir
    static Path tmp;
    static Path classes;

    @BeforeAll
    static void compile() throws IOException {
        Path src = tmp.resolve("p/Over.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        classes = Files.createDirectories(tmp.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-d", classes.toString(), src.toString()));
    }

    @Test
    void picksTheOverloadWhoseLinesHoldTheLine() {
        LineResolver lines = LineResolvers.forClassPath(classes.toString());
        assertEquals(OptionalInt.of(4), lines.methodFirstLine("p.Over", "f", 4));
        assertEquals(OptionalInt.of(7), lines.methodFirstLine("p.Over", "f", 8));
        assertEquals(OptionalInt.of(12), lines.methodFirstLine("p.Over", "lambda$r$0", 12));
        assertEquals(OptionalInt.empty(), lines.methodFirstLine("p.Over", "f", 30));
        assertEquals(OptionalInt.empty(), lines.methodFirstLine("p.Missing", "f", 4));
    }

    @Test
    void readsJarsAndSkipsBadEntries() throws IOException {
        Path jar = jarOfOver(tmp.resolve("over.jar"));
        Path garbage = Files.writeString(tmp.resolve("garbage.jar"), "not a zip");
        String cp = String.join(java.io.File.pathSeparator, "/no/such/dir", garbage.toString(), jar.toString());
        assertEquals(OptionalInt.of(7), LineResolvers.forClassPath(cp).methodFirstLine("p.Over", "f", 8));
    }

    @Test
    void followsTheManifestClassPathOfAJar() throws IOException {
        Path libDir = Files.createDirectories(tmp.resolve("app/lib"));
        jarOfOver(libDir.resolve("over lib.jar"));
        jarWithClassPath(tmp.resolve("app/app.jar"), "lib/over%20lib.jar missing.jar");
        assertEquals(OptionalInt.of(7), LineResolvers.forClassPath("app.jar", tmp.resolve("app")).methodFirstLine("p.Over", "f", 8));
    }

    @Test
    void aManifestsJarsComeRightAfterItsJarAndAreReadOnlyWhenSearched() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("order"));
        jarOfOver(dir.resolve("added.jar"));
        Path app = jarWithClassPath(dir.resolve("app.jar"), "added.jar");
        Path shiftedSource = Files.createDirectories(dir.resolve("src/p")).resolve("Over.java");
        Files.writeString(shiftedSource, "\n\n" + SOURCE);
        Path later = Files.createDirectories(dir.resolve("later"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-d", later.toString(),
                shiftedSource.toString()));
        assertEquals(OptionalInt.of(9), LineResolvers.forClassPath(later.toString()).methodFirstLine("p.Over", "f", 10));
        String cp = String.join(java.io.File.pathSeparator, "app.jar", "later");

        assertEquals(List.of(app, dir.resolve("later")), ClassPathEntries.of(cp, dir, java.io.File.pathSeparator),
                "building the search list opens no jar");
        assertEquals(OptionalInt.of(7), LineResolvers.forClassPath(cp, dir).methodFirstLine("p.Over", "f", 8),
                "the manifest's jar is searched before the next class path entry, as the JVM does");
    }

    @Test
    void aCorruptClassFileResolvesNothing() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("corrupt/p"));
        byte[] real = Files.readAllBytes(classes.resolve("p/Over.class"));
        Files.write(dir.resolve("Over.class"), java.util.Arrays.copyOf(real, real.length / 2));
        LineResolver lines = LineResolvers.forClassPath(tmp.resolve("corrupt").toString());
        assertEquals(OptionalInt.empty(), lines.methodFirstLine("p.Over", "f", 8));
        assertEquals(LineResolver.NONE, LineResolvers.forClassPath(""));
    }

    @Test
    void readsEveryMethodOfARealClass() throws IOException {
        List<MethodLines> methods = ClassFileLines.read(Files.readAllBytes(classes.resolve("p/Over.class")));
        assertTrue(methods.stream().anyMatch(m -> m.methodName().equals("<clinit>")), methods.toString());
        assertEquals(2, methods.stream().filter(m -> m.methodName().equals("f")).count());
    }

    /** A jar holding only p/Over.class. */
    private static Path jarOfOver(Path jar) throws IOException {
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("p/Over.class"));
            out.write(Files.readAllBytes(classes.resolve("p/Over.class")));
            out.closeEntry();
        }
        return jar;
    }

    /** An empty jar whose manifest says {@code Class-Path: classPath}. */
    private static Path jarWithClassPath(Path jar, String classPath) throws IOException {
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.CLASS_PATH, classPath);
        new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest).close();
        return jar;
    }
}
