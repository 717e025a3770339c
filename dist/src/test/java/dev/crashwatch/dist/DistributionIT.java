package dev.crashwatch.dist;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.agent.sidecar.ClassDataArchive;
import dev.crashwatch.dist.OrdinaryUser.Result;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The platform archive as an administrator installs it and a user uses it (docs/install.md): unpacked into a path
 * with a space, made read-only, {@code bin/crashwatch} linked into the user's own bin directory on the PATH, every
 * command run by an ordinary user (not root) with no build step and no network. Nothing is ever written inside the
 * installation, and nothing of crashwatch's own reaches a wrapped program's stdout or stderr.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {
    private static final String SAMPLE = "dev.crashwatch.samples.Crash";
    private static final String VERSION = System.getProperty("crashwatch.version");

    private Installation install;
    private OrdinaryUser user;
    private TreeMap<String, String> before;

    @BeforeAll
    void install() throws Exception {
        // Open to the user, in the system's temporary directory: a checkout may sit under a 0700 directory of root's.
        Path dir = Files.createTempDirectory("dist-it",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        install = Installation.unpack(Path.of(System.getProperty("crashwatch.dist.platform")), dir);
        before = install.snapshot();
        user = OrdinaryUser.under(dir);
        Files.createSymbolicLink(user.bin().resolve("crashwatch"), install.bin());
    }

    @AfterAll
    void uninstall() throws Exception {
        install.release();
    }

    private List<String> sample(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("java", "-cp", install.samples().toString(), SAMPLE));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private List<String> crashwatchRun(String... sampleArgs) {
        List<String> cmd = new java.util.ArrayList<>(List.of("crashwatch", "run", "--"));
        cmd.addAll(sample(sampleArgs));
        return cmd;
    }

    @Test
    @Order(1)
    void version_names_this_build_the_java_and_the_native_helpers_in_libexec() throws Exception {
        Result r = user.run(List.of("crashwatch", "version"));
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("crashwatch " + VERSION + " (commit "), r.out());
        // The platform archive carries the helpers the build made (none where it had no C compiler).
        boolean built = Files.isExecutable(Path.of("..", "watchdog", "target", "crashwatch-run"));
        assertTrue(r.out().contains(built ? "native helpers: present (" + install.root().resolve("libexec") + ")"
                : "native helpers: absent"), r.out());
    }

    @Test
    @Order(2)
    void a_wrapped_crash_behaves_as_without_crashwatch_and_is_counted() throws Exception {
        Result bare = user.run(sample("npe"));
        Result wrapped = user.run(crashwatchRun("npe"));
        assertEquals(bare.status(), wrapped.status());
        assertEquals(bare.out(), wrapped.out());
        assertEquals(bare.err(), wrapped.err());

        assertEquals(3, user.run(crashwatchRun("exit", "3")).status());
        Result segv = user.run(crashwatchRun("native-segv"));
        assertEquals(134, segv.status(), segv.err());

        // The native launcher's Java half records after `run` has returned (detached): the fatal error log of the
        // last run may still be on its way.
        Result[] counters = new Result[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            counters[0] = user.run(List.of("crashwatch", "counters", "--json"));
            return counters[0].out().contains("crash/fatal");
        });
        assertEquals(0, counters[0].status(), counters[0].err());
        assertTrue(counters[0].out().contains("java.lang.NullPointerException"), counters[0].out());
        assertTrue(Files.isDirectory(user.store().resolve("counters")), "the store is the user's own");
    }

    @Test
    @Order(3)
    void the_demo_runs() throws Exception {
        Result demo = user.run(List.of("crashwatch", "demo"));
        assertEquals(0, demo.status(), demo.err());
        assertTrue(demo.out().contains("java.lang.NullPointerException"), demo.out());
        assertFalse(demo.err().contains("Permission denied"), demo.err());
    }

    @Test
    @Order(4)
    void the_agent_in_lib_starts_a_sidecar_that_counts() throws Exception {
        Path store = user.work().resolve("sidecar-store");
        assertEquals(0, user.run(List.of("mkdir", store.toString())).status());
        Result crash = user.run(List.of("java", "-javaagent:" + install.lib().resolve("crashwatch-agent.jar")
                + "=dir=" + store, "-cp", install.samples().toString(), SAMPLE, "npe"));
        assertEquals(1, crash.status(), crash.err());
        await().atMost(Duration.ofSeconds(60)).until(() -> user.run(List.of("crashwatch", "counters", "--json"),
                Map.of("CRASHWATCH_DIR", store.toString())).out().contains("java.lang.NullPointerException"));
    }

    @Test
    @Order(5)
    void the_fleet_commands_run_from_lib_fleet() throws Exception {
        Result help = user.run(List.of("crashwatch", "help"));
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().contains("version"), help.out());
        // DuckDB from lib/fleet, Jackson and slf4j from crashwatch.jar (the fleet's copies are left out).
        Path reports = Files.createDirectories(user.work().resolve("fleet-reports"));
        Result top = user.run(List.of("crashwatch", "fleet", "top", "--reports", reports.toString(), "--json"));
        assertEquals(0, top.status(), top.err());
        assertTrue(top.out().strip().startsWith("{"), top.out());
        assertEquals("crashwatch fleet: no reports yet in " + reports + " (the collector stores them under"
                + " received=YYYY-MM-DD/)\n", top.err(), "the fleet's own note, nothing else (no logger's noise)");
        // DuckDB's driver sits off the class path, in lib/fleet/duckdb/, and was loaded from the copy the command
        // unpacked into the user's cache (its native library beside the classes), not unpacked into /tmp.
        try (Stream<Path> onClassPath = Files.list(install.lib().resolve("fleet"))) {
            assertTrue(onClassPath.noneMatch(p -> p.getFileName().toString().startsWith("duckdb")
                    && p.toString().endsWith(".jar")));
        }
        try (Stream<Path> apart = Files.list(install.lib().resolve("fleet/duckdb"))) {
            assertEquals(1, apart.filter(p -> p.getFileName().toString().startsWith("duckdb_jdbc")).count());
        }
        Result unpacked = user.run(List.of("find", user.home().resolve(".cache/crashwatch/duckdb").toString(),
                "-name", "libduckdb_java.so_*", "-size", "+1M"));
        assertEquals(1, unpacked.out().strip().lines().count(), unpacked.out() + unpacked.err());
    }

    @Test
    @Order(5)
    void no_class_is_both_in_crashwatch_jar_and_in_lib_fleet() throws Exception {
        Set<String> local = classes(install.lib().resolve("crashwatch.jar"));
        List<String> twice = new java.util.ArrayList<>();
        try (Stream<Path> jars = Files.list(install.lib().resolve("fleet"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                classes(jar).stream().filter(local::contains).findFirst()
                        .ifPresent(c -> twice.add(jar.getFileName() + " (" + c + ")"));
            }
        }
        assertEquals(List.of(), twice, "crashwatch.jar comes first on the fleet's class path: leave these jars out"
                + " of fleet/target/lib (fleet/pom.xml, excludeArtifactIds)");
    }

    private static Set<String> classes(Path jar) throws Exception {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class"))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    @Order(6)
    void the_class_data_archive_is_made_in_the_users_cache_where_the_sidecar_looks_for_it() throws Exception {
        File java = user.java();
        File expected = ClassDataArchive.of(user.home().resolve(".cache/crashwatch").toFile(),
                install.lib().resolve("crashwatch.jar").toFile(), java);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            user.run(List.of("crashwatch", "status"));
            return expected.isFile();
        });
        Result status = user.run(List.of("sh", "-x", install.script().toString(), "status"));
        assertTrue(status.err().contains("-XX:SharedArchiveFile=" + expected), status.err());
    }

    @Test
    @Order(7)
    void nothing_was_written_inside_the_installation() throws Exception {
        assertEquals(before, install.snapshot());
    }

    @Test
    @Order(8)
    void the_java_only_archive_runs_without_native_helpers() throws Exception {
        Path dir = install.root().getParent().getParent().resolve("java-only");
        Installation javaOnly = Installation.unpack(Path.of(System.getProperty("crashwatch.dist.java")), dir);
        try {
            assertFalse(Files.exists(javaOnly.root().resolve("libexec")));
            Result version = user.run(List.of(javaOnly.bin().toString(), "version"));
            assertTrue(version.out().contains("native helpers: absent"), version.out());
            Path store = user.work().resolve("java-only-store");
            Map<String, String> env = Map.of("CRASHWATCH_DIR", store.toString());
            Result crash = user.run(List.of(javaOnly.bin().toString(), "run", "--", "java", "-cp",
                    javaOnly.samples().toString(), SAMPLE, "worker"), env);
            assertEquals(0, crash.status(), crash.err());
            Result counters = user.run(List.of(javaOnly.bin().toString(), "counters", "--json"), env);
            assertTrue(counters.out().contains("worker failed on purpose") || counters.out().contains(
                    "java.lang.IllegalStateException"), counters.out());
        } finally {
            javaOnly.release();
        }
    }
}
