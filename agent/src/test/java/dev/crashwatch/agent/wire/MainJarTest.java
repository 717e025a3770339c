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
        Path jar = jar("my app.jar", "shop", "3.1");
        MainJar main = MainJar.of(jar + " --port 80", jar.toString());
        assertEquals(jar.toString(), main.main());
        assertEquals("shop", main.title());
        assertEquals("3.1", main.version());
    }

    @Test
    void the_main_jar_held_open_from_premain_is_the_one_whose_manifest_is_read() throws Exception {
        Path jar = jar("held.jar", "held", "1");
        MainJar.holdOpen(jar.toString());
        Files.delete(jar); // only an open file can still be read now
        assertEquals("held", MainJar.of(jar.toString(), jar.toString()).title());
        assertNull(MainJar.of(jar + ".other", jar + ".other").title());
    }

    @Test
    void a_main_class_is_the_first_word_and_has_no_manifest() {
        MainJar main = MainJar.of("app.Main --verbose", "a.jar:b.jar");
        assertEquals("app.Main", main.main());
        assertNull(main.title());
    }

    private Path jar(String name, String title, String version) throws Exception {
        Path jar = dir.resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, title);
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
        return jar;
    }
}
