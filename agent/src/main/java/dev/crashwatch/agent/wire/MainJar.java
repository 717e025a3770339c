package dev.crashwatch.agent.wire;

import java.io.File;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What the JVM runs ({@code main} in the hello: the main class or jar), and for a main jar its manifest's
 * {@code Implementation-Title} and {@code Implementation-Version} (the program's name and version by default),
 * {@code Automatic-Module-Name} and {@code Main-Class} (for the watchdog's naming rules, docs/counting.md).
 */
final class MainJar {
    private final String main;
    private String title;
    private String version;
    private String moduleName;
    private String mainClass;

    private MainJar(String main) {
        this.main = main;
    }

    /** The main class or jar of this JVM, with the jar's manifest read if it is a jar. */
    static MainJar ofThisJvm() {
        return of(System.getProperty("sun.java.command", ""), System.getProperty("java.class.path", ""));
    }

    /** The main class or jar of a JVM started with {@code command} ({@code sun.java.command}) and class path. */
    static MainJar of(String command, String classPath) {
        MainJar jar = new MainJar(mainOf(command, classPath));
        if (jar.main.endsWith(".jar")) {
            jar.readManifest();
        }
        return jar;
    }

    /** With {@code -jar} the class path is exactly the jar and the command starts with it (spaces and all). */
    static String mainOf(String command, String classPath) {
        if (!classPath.isEmpty() && classPath.indexOf(File.pathSeparatorChar) < 0 && classPath.endsWith(".jar")
                && command.startsWith(classPath)) {
            return classPath;
        }
        int space = command.indexOf(' ');
        return space < 0 ? command : command.substring(0, space);
    }

    private void readManifest() {
        try (JarFile jar = new JarFile(new File(main), false)) {
            Manifest manifest = jar.getManifest();
            if (manifest != null) {
                Attributes attributes = manifest.getMainAttributes();
                title = attributes.getValue(Attributes.Name.IMPLEMENTATION_TITLE);
                version = attributes.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
                moduleName = attributes.getValue("Automatic-Module-Name");
                mainClass = attributes.getValue(Attributes.Name.MAIN_CLASS);
            }
        } catch (Exception unreadable) {
            // No manifest facts.
        }
    }

    String main() {
        return main;
    }

    String title() {
        return title;
    }

    String version() {
        return version;
    }

    String moduleName() {
        return moduleName;
    }

    String mainClass() {
        return mainClass;
    }
}
