package dev.crashwatch.watchdog.watch;

import dev.crashwatch.agent.wire.Wire;
import dev.crashwatch.watchdog.pipe.Hello;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * Launchers whose main class says nothing of the program they run, recognised by that class (docs/counting.md,
 * "Program names"): Maven's class-world launcher is {@code mvn} with Maven's version, a Surefire or Failsafe fork is
 * {@code surefire-fork:<artifactId>} with the project's version (read from the {@code pom.xml} in the fork's working
 * directory, which is the project's), Gradle's daemon, workers and wrapper, {@code jshell} and its execution engine,
 * the JDK's tools whose main class is a plain {@code Main} ({@code javac}...), Jetty's and Tomcat's bootstraps. Files are read only from the paths the JVM's hello names, bounded, and never followed through links.
 */
final class KnownLaunchers {
    private static final long MAX_POM_BYTES = 1 << 20;
    private static final Pattern JAR_VERSION = Pattern.compile("-(\\d+(?:\\.\\d+)*(?:[-.][\\w.]+)?)\\.jar$");

    /** One launcher: its main class, the program it stands for, how its version is found. */
    private record Launcher(String mainClass, String program, Function<Hello, String> version) {
    }

    private static final List<Launcher> LAUNCHERS = List.of(
            new Launcher("org.codehaus.plexus.classworlds.launcher.Launcher", "mvn", KnownLaunchers::mavenVersion),
            new Launcher("org.gradle.launcher.daemon.bootstrap.GradleDaemon", "gradle-daemon",
                    h -> classPathVersion(h, "gradle-")),
            new Launcher("worker.org.gradle.process.internal.worker.GradleWorkerMain", "gradle-worker",
                    h -> classPathVersion(h, "gradle-")),
            new Launcher("org.gradle.launcher.GradleMain", "gradle", h -> classPathVersion(h, "gradle-")),
            new Launcher("org.gradle.wrapper.GradleWrapperMain", "gradle-wrapper", h -> null),
            new Launcher("jdk.internal.jshell.tool.JShellToolProvider", "jshell", KnownLaunchers::javaVersion),
            // The JVM jshell starts to run the user's snippets: a JVM of its own, a run of its own.
            new Launcher("jdk.jshell.execution.RemoteExecutionControl", "jshell-engine", KnownLaunchers::javaVersion),
            // The JDK's tools whose main class is a plain Main; they run the user's annotation processors, doclets...
            new Launcher("com.sun.tools.javac.Main", "javac", KnownLaunchers::javaVersion),
            new Launcher("jdk.javadoc.internal.tool.Main", "javadoc", KnownLaunchers::javaVersion),
            new Launcher("sun.tools.jar.Main", "jar", KnownLaunchers::javaVersion),
            new Launcher("jdk.tools.jlink.internal.Main", "jlink", KnownLaunchers::javaVersion),
            new Launcher("jdk.jpackage.main.Main", "jpackage", KnownLaunchers::javaVersion),
            new Launcher("org.eclipse.jetty.start.Main", "jetty", h -> classPathVersion(h, "jetty-start-")),
            new Launcher("org.apache.catalina.startup.Bootstrap", "tomcat", h -> manifestVersion(h, "bootstrap.jar")));

    private static final String SUREFIRE_BOOTER = "org.apache.maven.surefire.booter.ForkedBooter";

    private KnownLaunchers() {
    }

    /**
     * The name for a JVM whose main class (or, for a main jar, its manifest's Main-Class) is a known launcher's.
     * {@code main} is the hello's main class or jar.
     */
    static Optional<ProgramNames.Name> name(String mainClass, String main, Hello hello) {
        String cls = mainClass.substring(mainClass.lastIndexOf('/') + 1);
        if (cls.equals(SUREFIRE_BOOTER) || ProgramNames.simpleName(main).startsWith("surefirebooter")) {
            return Optional.of(surefireFork(hello));
        }
        for (Launcher l : LAUNCHERS) {
            if (cls.equals(l.mainClass())) {
                if (l.program().equals("mvn") && mavenHome(hello).isEmpty()) {
                    continue;
                }
                String version = l.version().apply(hello);
                return Optional.of(new ProgramNames.Name(l.program(), ProgramNames.orElse(version,
                        ProgramNames.DEVEL)));
            }
        }
        return Optional.empty();
    }

    private static String javaVersion(Hello hello) {
        return hello.get(Wire.KEY_JAVA_VERSION);
    }

    /** {@code surefire-fork:<artifactId>} and the project's version, or {@code surefire-fork} when unknown. */
    private static ProgramNames.Name surefireFork(Hello hello) {
        String cwd = hello.get(Wire.KEY_CWD);
        Optional<PomFacts> pom = cwd == null ? Optional.empty() : PomFacts.read(Path.of(cwd, "pom.xml"),
                MAX_POM_BYTES);
        return pom.map(p -> new ProgramNames.Name("surefire-fork:" + p.artifactId(),
                ProgramNames.orElse(p.version(), ProgramNames.DEVEL)))
                .orElse(new ProgramNames.Name("surefire-fork", ProgramNames.DEVEL));
    }

    /** Maven's home: the folder above {@code boot/plexus-classworlds-*.jar} on the class path, if it has {@code lib}. */
    private static Optional<Path> mavenHome(Hello hello) {
        for (String entry : classPath(hello)) {
            Path jar = Path.of(entry);
            Path boot = jar.getParent();
            if (ProgramNames.simpleName(entry).startsWith("plexus-classworlds") && boot != null
                    && boot.getFileName() != null && boot.getFileName().toString().equals("boot")
                    && boot.getParent() != null && Files.isDirectory(boot.getParent().resolve("lib"))) {
                return Optional.of(boot.getParent());
            }
        }
        return Optional.empty();
    }

    /** Maven's version from {@code lib/maven-core*.jar}'s pom.properties. */
    private static String mavenVersion(Hello hello) {
        Optional<Path> home = mavenHome(hello);
        if (home.isEmpty()) {
            return null;
        }
        try (var libs = Files.list(home.get().resolve("lib"))) {
            Optional<Path> core = libs.filter(p -> p.getFileName().toString().startsWith("maven-core")
                    && p.getFileName().toString().endsWith(".jar")).findFirst();
            if (core.isEmpty()) {
                return null;
            }
            try (JarFile jar = new JarFile(core.get().toRealPath().toFile(), false)) {
                ZipEntry entry = jar.getEntry("META-INF/maven/org.apache.maven/maven-core/pom.properties");
                if (entry == null || entry.getSize() > MAX_POM_BYTES) {
                    return null;
                }
                Properties props = new Properties();
                try (InputStream in = jar.getInputStream(entry)) {
                    props.load(in);
                }
                return props.getProperty("version");
            }
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** The version in the file name of the first class path jar named {@code prefix<version>.jar}. */
    private static String classPathVersion(Hello hello, String prefix) {
        for (String entry : classPath(hello)) {
            String name = Path.of(entry).getFileName() == null ? "" : Path.of(entry).getFileName().toString();
            Matcher m = JAR_VERSION.matcher(name);
            if (name.startsWith(prefix) && m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The {@code Implementation-Version} of the class path jar named {@code fileName}. */
    private static String manifestVersion(Hello hello, String fileName) {
        for (String entry : classPath(hello)) {
            Path jar = Path.of(entry);
            if (jar.getFileName() != null && jar.getFileName().toString().equals(fileName)
                    && Files.isRegularFile(jar, LinkOption.NOFOLLOW_LINKS)) {
                try (JarFile file = new JarFile(jar.toFile(), false)) {
                    return file.getManifest() == null ? null
                            : file.getManifest().getMainAttributes().getValue("Implementation-Version");
                } catch (IOException | RuntimeException unreadable) {
                    return null;
                }
            }
        }
        return null;
    }

    private static List<String> classPath(Hello hello) {
        String cp = hello.get(Wire.KEY_CLASS_PATH);
        return cp == null || cp.isBlank() ? List.of() : List.of(cp.split(File.pathSeparator));
    }
}
