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
        Path jar = tmp.resolve("over.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("p/Over.class"));
            out.write(Files.readAllBytes(classes.resolve("p/Over.class")));
            out.closeEntry();
        }
        Path garbage = Files.writeString(tmp.resolve("garbage.jar"), "not a zip");
        String cp = String.join(java.io.File.pathSeparator, "/no/such/dir", garbage.toString(), jar.toString());
        assertEquals(OptionalInt.of(7), LineResolvers.forClassPath(cp).methodFirstLine("p.Over", "f", 8));
    }

    @Test
    void followsTheManifestClassPathOfAJar() throws IOException {
        Path libDir = Files.createDirectories(tmp.resolve("app/lib"));
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(libDir.resolve("over lib.jar")))) {
            out.putNextEntry(new java.util.jar.JarEntry("p/Over.class"));
            out.write(Files.readAllBytes(classes.resolve("p/Over.class")));
            out.closeEntry();
        }
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.CLASS_PATH, "lib/over%20lib.jar missing.jar");
        Path app = tmp.resolve("app/app.jar");
        new java.util.jar.JarOutputStream(Files.newOutputStream(app), manifest).close();
        assertEquals(OptionalInt.of(7), LineResolvers.forClassPath("app.jar", tmp.resolve("app")).methodFirstLine("p.Over", "f", 8));
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
}
