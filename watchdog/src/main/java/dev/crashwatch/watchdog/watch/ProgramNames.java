package dev.crashwatch.watchdog.watch;

import dev.crashwatch.agent.wire.Wire;
import dev.crashwatch.watchdog.pipe.Hello;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming rules: which program and version a JVM's crashes are counted under (docs/counting.md, "Program names").
 * In order: the user's {@code --program}/{@code --version} or agent option; the main jar's manifest
 * ({@code Implementation-Title}/{@code -Version}, then {@code Automatic-Module-Name}); a well-known launcher recognised
 * by its main class ({@link KnownLaunchers}); the main jar's file name without its version suffix; the main class's
 * simple name. A name never holds a timestamp, a pid, a temporary path or a random suffix: those are what made three
 * builds count in three files.
 */
final class ProgramNames {
    /** The version of a program that does not say its version (as Go calls an unversioned build). */
    static final String DEVEL = "devel";
    static final String UNKNOWN = "unknown";
    /** {@code server-1.2.3} → {@code server} and {@code 1.2.3}: a jar file name's trailing version. */
    private static final Pattern VERSIONED_JAR = Pattern.compile("(.+?)-(\\d+(?:\\.\\d+)*(?:[-.][\\w.]+)?)");
    /** Eight digits or more in a row (a timestamp), or a pid-like {@code _N} run suffix: not part of a name. */
    private static final Pattern VOLATILE = Pattern.compile("\\d{8,}|_\\d+$");

    /** A program and its version. */
    record Name(String program, String version) {
    }

    private ProgramNames() {
    }

    static Name of(Hello hello, Labels labels) {
        Name found = found(hello);
        return new Name(labels.program() != null ? labels.program() : found.program(),
                labels.version() != null ? labels.version() : found.version());
    }

    /** What the JVM's own facts name, before the user's labels. */
    private static Name found(Hello hello) {
        String program = present(hello.get(Wire.KEY_PROGRAM));
        String version = present(hello.get(Wire.KEY_VERSION));
        if (program != null) {
            return new Name(program, orElse(version, DEVEL));
        }
        String module = present(hello.get(Wire.KEY_MODULE_NAME));
        if (module != null) {
            return new Name(module, orElse(version, DEVEL));
        }
        String main = orElse(present(hello.get(Wire.KEY_MAIN)), "");
        String mainClass = orElse(present(hello.get(Wire.KEY_MAIN_CLASS)), main.endsWith(".jar") ? "" : main);
        Optional<Name> launcher = KnownLaunchers.name(mainClass, main, hello);
        if (launcher.isPresent()) {
            return launcher.get();
        }
        if (main.endsWith(".jar")) {
            Optional<Name> jar = fromJarName(main, hello.get(Wire.KEY_TMPDIR));
            if (jar.isPresent()) {
                return new Name(jar.get().program(), orElse(version, jar.get().version()));
            }
        }
        // A jar that names nothing stable falls back to its Main-Class (mainClass is main itself for a class).
        return new Name(orElse(stable(simpleName(mainClass)), UNKNOWN), orElse(version, DEVEL));
    }

    /**
     * {@code server} and {@code 1.2} for {@code /opt/server-1.2.jar}; nothing for a jar in the temporary directory or
     * whose name changes from run to run (a timestamp, a run number).
     */
    static Optional<Name> fromJarName(String jar, String tmpdir) {
        Path path = Path.of(jar.strip());
        if (tmpdir != null && !tmpdir.isBlank() && path.isAbsolute() && path.startsWith(Path.of(tmpdir))) {
            return Optional.empty();
        }
        String base = simpleName(jar);
        if (VOLATILE.matcher(base).find()) {
            return Optional.empty();
        }
        Matcher m = VERSIONED_JAR.matcher(base);
        return Optional.of(m.matches() ? new Name(m.group(1), m.group(2)) : new Name(base, DEVEL));
    }

    /** {@code app} for {@code /opt/app.jar}, {@code Server} for {@code com.example.Server} or {@code mod/com.example.Server}. */
    static String simpleName(String main) {
        String s = main.strip();
        s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf(File.separatorChar)) + 1);
        if (s.endsWith(".jar")) {
            return s.substring(0, s.length() - ".jar".length());
        }
        return s.substring(s.lastIndexOf('.') + 1);
    }

    /** The name, or null when it would change from run to run. */
    private static String stable(String name) {
        return VOLATILE.matcher(name).find() ? null : name;
    }

    static String present(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
