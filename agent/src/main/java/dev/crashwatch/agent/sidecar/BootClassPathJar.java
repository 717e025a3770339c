package dev.crashwatch.agent.sidecar;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;

/**
 * The agent jar, when its classes were loaded from the boot class path (the jar's {@code Boot-Class-Path}, see
 * agent/pom.xml): such classes have no code source to tell where they came from. The JVM keeps the jar open, so on
 * Linux it is found among this process's open files ({@code /proc/self/fd}: a few system calls); elsewhere, or when
 * that is not conclusive, as the resource that holds this class (the boot loader's resource lookup opens the JDK's
 * module image and the jar again in Java: milliseconds of class loading on the start-up thread).
 */
final class BootClassPathJar {
    /** The jar's name in its own {@code Boot-Class-Path} (agent/pom.xml): the boot class path holds it by this name. */
    static final String BOOT_JAR_NAME = "crashwatch-agent.jar";
    private static final File OPEN_FILES = new File("/proc/self/fd");
    /** More open files than this at start-up (inherited, say) and the resource lookup is the cheaper way. */
    static final int MOST_OPEN_FILES = 512;

    private BootClassPathJar() {
    }

    /** The agent jar on the boot class path this class was loaded from; null if it was not loaded from there. */
    static File find() {
        if (BootClassPathJar.class.getClassLoader() != null) {
            return null;
        }
        File open = theOpenFileNamed(BOOT_JAR_NAME);
        if (open != null && new File(open.getParentFile(), WatchdogFiles.WATCHDOG_JAR).isFile()) {
            return open;
        }
        return asResource();
    }

    /**
     * The one file of this name this process holds open, as its real path; null if there is none, more than one, no
     * {@code /proc}, or more than {@link #MOST_OPEN_FILES} open files to look through. A jar reached through a link
     * shows as its target, which is why {@link #find} takes it only when the watchdog is beside it, and
     * otherwise asks the boot loader, which names the jar as the JVM did.
     */
    static File theOpenFileNamed(String name) {
        String[] fds = OPEN_FILES.list();
        if (fds != null && fds.length > MOST_OPEN_FILES) {
            return null;
        }
        File found = null;
        for (int i = 0; fds != null && i < fds.length; i++) {
            File file = realPath(new File(OPEN_FILES, fds[i]));
            if (file == null || !name.equals(file.getName())) {
                continue;
            }
            if (found != null && !found.equals(file)) {
                return null;
            }
            found = file;
        }
        return found;
    }

    private static File realPath(File link) {
        try {
            return link.getCanonicalFile();
        } catch (IOException | RuntimeException e) {
            return null; // closed meanwhile, or not ours to read
        }
    }

    private static File asResource() {
        try {
            URL url = ClassLoader.getSystemResource(BootClassPathJar.class.getName().replace('.', '/') + ".class");
            String spec = url == null ? "" : url.toString();
            int bang = spec.indexOf("!/");
            if (!spec.startsWith("jar:") || bang < 0) {
                return null;
            }
            return new File(new URI(spec.substring("jar:".length(), bang))).getAbsoluteFile();
        } catch (Exception e) {
            return null;
        }
    }
}
