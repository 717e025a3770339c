package dev.crashwatch.watchdog.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashwatch.watchdog.testing.TestJars;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that starts from a manifest-only jar, rewrites {@code java.class.path} after premain and has its jar deleted
 * when it ends, as a Surefire fork does (docs/signatures.md, rule 6, "Who resolves"): its crash is named with
 * method-relative lines whenever the watchdog names it. The native launcher's Java half always names it after the jar
 * is gone (it starts once the child script, which deletes the jar, has ended), so without the class path the crash
 * record carries this would read {@code :=N} every time.
 */
class ClassPathRewriteIT {
    @TempDir
    Path tmp;

    @Test
    void a_crash_after_the_class_path_was_rewritten_and_its_jar_deleted_has_method_relative_lines() throws Exception {
        Watchdog w = new Watchdog(tmp);
        Path classes = Files.copy(TestJars.samples(), Files.createDirectories(w.work().resolve("lib"))
                .resolve("samples.jar"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/samples.jar");
        try (OutputStream out = Files.newOutputStream(w.work().resolve("booter.jar"))) {
            new JarOutputStream(out, manifest).close();
        }
        String script = "'" + Watchdog.java() + "' -cp booter.jar dev.crashwatch.samples.RewritesClassPath '" + classes
                + "'; rm booter.jar";
        assertEquals(0, Watchdog.exitStatus(w.run(List.of(), List.of("sh", "-c", script), "rewrite")),
                new String(w.errQuietly("rewrite"), StandardCharsets.UTF_8));
        Map<String, Long> crashes = w.counters("crash/crash\njava.lang.IllegalStateException\n");
        assertEquals(Map.of("crash/crash\njava.lang.IllegalStateException\n"
                + "dev.crashwatch.samples.RewritesClassPath.crash:+0\n"
                + "dev.crashwatch.samples.RewritesClassPath.main:+6", 1L), crashes);
    }
}
