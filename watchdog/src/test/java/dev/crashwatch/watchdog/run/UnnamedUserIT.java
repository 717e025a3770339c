package dev.crashwatch.watchdog.run;

import static dev.crashwatch.watchdog.run.Watchdog.exitStatus;
import static dev.crashwatch.watchdog.run.Watchdog.java;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.testing.TestJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user the system has no name for: a container started with an arbitrary uid (OpenShift's default, {@code docker
 * run --user 4000123}) has no passwd entry, so its JVMs' {@code user.name} is "?" while its files' owner reads as the
 * uid's digits. Its crashes, uncaught and fatal, are counted in its own store all the same (files are this user's by
 * uid: {@code wire.PrivateDir}). Run with {@code setpriv} as such a uid; needs root (CI runs as root).
 */
class UnnamedUserIT {
    @TempDir
    Path tmp;
    private int uid;
    private Path home;
    private Watchdog w;
    private Path samples;

    @BeforeEach
    void anUnnamedUserWithAHomeOfItsOwn() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "not root: cannot run as another uid");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "no setpriv: cannot run as another uid");
        do {
            uid = 4_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        } while (new ProcessBuilder("getent", "passwd", Integer.toString(uid)).start().waitFor() == 0);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        // The build's jars may lie where only root may look (a checkout in a private temporary folder): a copy.
        Path jars = Files.createDirectories(tmp.resolve("jars"));
        for (Path jar : List.of(TestJars.watchdog(), TestJars.agent(), Watchdog.nativeBinary(), TestJars.samples())) {
            if (Files.exists(jar)) {
                Files.copy(jar, jars.resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        samples = jars.resolve(TestJars.samples().getFileName());
        home = Files.createDirectories(tmp.resolve("home"));
        w = new Watchdog(home, jars);
        Files.createDirectories(home.resolve("cache"));
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    @Test
    void an_uncaught_exception_is_counted() throws Exception {
        assertEquals(1, exitStatus(asUnnamedUser(w.run(List.of(), sample("npe"), "npe"))),
                () -> new String(w.errQuietly("npe")));
        w.awaitRecorded();
        assertOwnedByTheUser(w.store()); // before this test's own reading adds anything
        assertEquals(1, w.counters("crash/crash\njava.lang.NullPointerException").size(), () -> countersOrNone());
    }

    @Test
    void a_fatal_error_is_counted_from_its_log() throws Exception {
        int status = exitStatus(asUnnamedUser(w.run(List.of(), sample("native-segv"), "segv")));
        assertNotEquals(0, status);
        assertEquals(1, w.counters("crash/fatal\nSIGSEGV\n").size(), () -> countersOrNone());
    }

    /** JDK 17 gives such a user {@code user.home} "?": the default store is under {@code HOME} all the same. */
    @Test
    void with_no_store_named_the_crash_is_counted_in_the_default_store_under_HOME() throws Exception {
        ProcessBuilder pb = asUnnamedUser(w.run(List.of(), sample("npe"), "default"));
        pb.environment().remove("CRASHWATCH_DIR");
        pb.environment().remove("XDG_CONFIG_HOME");
        assertEquals(1, exitStatus(pb), () -> new String(w.errQuietly("default")));
        w.awaitRecorded();
        Path store = home.resolve(".config/crashwatch");
        await().atMost(Duration.ofSeconds(Watchdog.RUN_TIMEOUT_SECONDS)).until(() -> Files.isDirectory(store.resolve(
                "counters")) && Store.at(store).counterFiles().stream().anyMatch(f -> f.counters().keySet().stream()
                        .anyMatch(name -> name.startsWith("crash/crash\njava.lang.NullPointerException"))));
        assertFalse(Files.exists(w.work().resolve("?")), "no store under a home named ?");
    }

    /** A sample, from the copy of its jar. */
    private List<String> sample(String kind) {
        return List.of(java(), "-cp", samples.toString(), Watchdog.SAMPLE, kind);
    }

    private ProcessBuilder asUnnamedUser(ProcessBuilder pb) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + uid,
                "--clear-groups", "--"));
        command.addAll(pb.command());
        pb.command(command);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        pb.environment().remove("USER");
        pb.environment().remove("LOGNAME");
        return pb;
    }

    private String countersOrNone() {
        try {
            return w.counters().toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void assertOwnedByTheUser(Path store) throws IOException {
        try (Stream<Path> all = Files.walk(store)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                assertEquals(uid, Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS), p.toString());
            }
        }
    }
}
