package dev.crashwatch.agent.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainJarTest {
    @TempDir
    Path dir;

    @Test
    void a_main_jar_names_the_program_from_its_manifest_even_with_spaces_in_its_path() throws Exception {
        Path jar = dir.resolve("my app.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, "shop");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "3.1");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
        MainJar main = MainJar.of(jar + " --port 80", jar.toString());
        assertEquals(jar.toString(), main.main());
        assertEquals("shop", main.title());
        assertEquals("3.1", main.version());
    }

    @Test
    void a_main_class_is_the_first_word_and_has_no_manifest() {
        MainJar main = MainJar.of("app.Main --verbose", "a.jar:b.jar");
        assertEquals("app.Main", main.main());
        assertNull(main.title());
    }
}
