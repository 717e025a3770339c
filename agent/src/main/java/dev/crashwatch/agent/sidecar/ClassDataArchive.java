package dev.crashwatch.agent.sidecar;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The class-data sharing archive of the watchdog's classes for one installation and one JDK, which the
 * {@code crashwatch} script makes in the user's cache directory ({@code $XDG_CACHE_HOME/crashwatch}, else
 * {@code ~/.cache/crashwatch}) as {@code cds<lib dir>/jdk<JDK home>/<JDK version>.jsa}: the real paths mirrored as
 * directories, the version as the JDK's {@code release} file gives it (docs/install.md, "What it writes"). The script
 * names it the same way; {@code ClassDataArchiveIT} holds the two to each other.
 */
public final class ClassDataArchive {
    private static final String CACHE_ENV = "XDG_CACHE_HOME";

    private ClassDataArchive() {
    }

    /**
     * {@code $XDG_CACHE_HOME/crashwatch} when that is an absolute path, else {@code $HOME/.cache/crashwatch} ({@code
     * $HOME} as the script reads it; the JVM's {@code user.home} where it is unset).
     */
    public static File cacheDir() {
        String xdg = System.getenv(CACHE_ENV);
        if (xdg != null && new File(xdg).isAbsolute()) {
            return new File(xdg, "crashwatch");
        }
        String home = System.getenv("HOME");
        home = home != null && !home.isEmpty() ? home : System.getProperty("user.home", "");
        return new File(home, ".cache" + File.separator + "crashwatch");
    }

    /**
     * Where the archive for the watchdog jar {@code jar} run by {@code java} (a JDK's {@code bin/java}) is in the cache
     * directory {@code cache}, made or not; null when either cannot be resolved or the JDK names no version.
     */
    public static File of(File cache, File jar, File java) {
        try {
            File lib = jar.getCanonicalFile().getParentFile();
            File realJava = java.getCanonicalFile();
            File bin = realJava.getParentFile();
            if (lib == null || bin == null || !"bin".equals(bin.getName()) || bin.getParentFile() == null) {
                return null;
            }
            File jdk = bin.getParentFile();
            String version = version(new File(jdk, "release"));
            if (version == null) {
                return null;
            }
            return new File(cache, "cds" + lib.getPath() + File.separator + "jdk" + jdk.getPath()
                    + File.separator + version + ".jsa");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code JAVA_VERSION} of a JDK's release file, quotes removed; null if none or not a plain name. */
    static String version(File release) throws IOException {
        if (!release.isFile()) {
            return null;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(release),
                StandardCharsets.UTF_8))) {
            String version = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("JAVA_VERSION=")) {
                    version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                }
            }
            return version == null || version.isEmpty() || version.contains("/") ? null : version;
        }
    }
}
