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
public final class MainJar {
    /** This JVM's main jar, held open from premain's path ({@link #holdOpen()}); null when it runs none. */
    private static volatile JarFile held;
    private static volatile String heldName;

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

    /**
     * Opens this JVM's main jar, when it runs one ({@code java -jar}), and keeps it open for the JVM's life; called on
     * premain's path. The JDK parses a jar's central directory once for all the {@code JarFile}s open on it at the
     * same time. With the agent on the boot class path nothing holds the main jar open before {@code main}: the
     * launcher opens it for its manifest and closes it, the application class loader opens it again for good, and
     * the hello's manifest read would be a third parse (several milliseconds of CPU each for a jar of 3,000 entries,
     * interpreted: docs/benchmarks.md, "Launcher mode, part by part"). Held from premain on, it is parsed once, on
     * premain's thread instead of the launcher's, and every later open shares that parse. Never throws.
     */
    public static void holdOpen() {
        String main = mainOf(System.getProperty("sun.java.command", ""), System.getProperty("java.class.path", ""));
        holdOpen(main);
    }

    /** Opens {@code main} and keeps it open, when it is a jar; the one {@link #of} then reads. Never throws. */
    static void holdOpen(String main) {
        if (held != null || !main.endsWith(".jar")) {
            return;
        }
        try {
            JarFile jar = new JarFile(new File(main), false);
            heldName = main;
            held = jar;
        } catch (Exception | LinkageError unreadable) {
            // The hello opens it again, or reads no manifest facts.
        }
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
        JarFile open = held;
        if (open != null && main.equals(heldName)) {
            readManifest(open);
            return;
        }
        try (JarFile jar = new JarFile(new File(main), false)) {
            readManifest(jar);
        } catch (Exception unreadable) {
            // No manifest facts.
        }
    }

    private void readManifest(JarFile jar) {
        try {
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
