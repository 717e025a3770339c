package dev.crashwatch.dist;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.agent.sidecar.ClassDataArchive;
import dev.crashwatch.dist.OrdinaryUser.Result;
import dev.crashwatch.watchdog.testing.RequiredTool;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The platform archive's {@code bin/crashwatch}, the native entry (docs/native.md, "The entry"), used by an ordinary
 * user through a link in their own bin directory (and by its path in the installation): {@code run} is done in the
 * entry's own process (no shell; a clean run starts no JVM of crashwatch's own), every other command, a usage error
 * and {@code run} with {@code CRASHWATCH_NO_NATIVE=1} go through the script in {@code libexec/}. Each test has a store
 * of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EntryIT {
    private static final String SAMPLE = "dev.crashwatch.samples.Crash";

    private Installation install;
    private OrdinaryUser user;
    private TreeMap<String, String> before;
    private Path waitStatus;

    @BeforeAll
    void install() throws Exception {
        Path dir = Files.createTempDirectory("entry-it",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        install = Installation.unpack(Path.of(System.getProperty("crashwatch.dist.platform")), dir);
        RequiredTool.require(install.hasEntry(),
                "the platform archive has no native entry (no C compiler built it)");
        before = install.snapshot();
        user = OrdinaryUser.under(dir);
        Files.createSymbolicLink(user.bin().resolve("crashwatch"), install.bin());
        waitStatus = dir.resolve("wait-status");
        Path source = Path.of(System.getProperty("crashwatch.repo"), "watchdog/src/test/c/wait-status.c");
        Process cc = new ProcessBuilder("cc", "-o", waitStatus.toString(), source.toString()).inheritIO().start();
        assertEquals(0, cc.waitFor(), "cc wait-status.c");
    }

    @AfterAll
    void uninstall() throws Exception {
        if (install != null) {
            install.release();
        }
    }

    private List<String> sample(String... args) {
        List<String> cmd = new ArrayList<>(List.of("java", "-cp", install.samples().toString(), SAMPLE));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code <entry> run -- <command>}: the entry as the link on the PATH, or by its path in the installation. */
    private static List<String> run(String entry, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of(entry, "run", "--"));
        cmd.addAll(command);
        return cmd;
    }

    /** A store of the test's own, made by the user. */
    private Map<String, String> store(String name) {
        return Map.of("CRASHWATCH_DIR", user.work().resolve(name).toString());
    }

    private Path storeDir(String name) {
        return user.work().resolve(name);
    }

    @Test
    @Order(1)
    void a_clean_run_passes_the_status_and_output_on_untouched_and_starts_no_java_half() throws Exception {
        Map<String, String> env = store("clean-store");
        Result bare = user.run(sample("exit", "3"), env);
        Result wrapped = user.run(run("crashwatch", sample("exit", "3")), env);
        assertEquals(3, bare.status(), bare.err());
        assertEquals(bare.status(), wrapped.status());
        assertEquals(bare.out(), wrapped.out());
        assertEquals(bare.err(), wrapped.err());
        // Counted by the entry itself, as it exits (the runs journal); no Java half started: no pending run, no log.
        Path store = storeDir("clean-store");
        try (Stream<Path> files = Files.list(store)) {
            assertEquals(Set.of(store.resolve("run"), store.resolve("runs.journal")), Set.copyOf(files.toList()),
                    "a clean run starts no Java half: nothing but the run directories and the run's journal line");
        }
        assertEquals(1, Files.readAllLines(store.resolve("runs.journal")).size());
        assertFalse(Files.exists(user.home().resolve(".cache")), "a clean run neither looks for nor makes a class-data"
                + " archive");
    }

    @Test
    @Order(2)
    void a_crash_is_counted_and_shown_by_status_and_top_through_the_same_entry() throws Exception {
        Map<String, String> env = store("crash-store");
        Result bare = user.run(sample("npe"), env);
        Result wrapped = user.run(run(install.bin().toString(), sample("npe")), env);
        assertEquals(1, wrapped.status(), wrapped.err());
        assertEquals(bare.out(), wrapped.out());
        assertEquals(bare.err(), wrapped.err());
        // The first Java half (the script's --jvm) finds no class-data archive for this installation and makes one
        // in the background, silently (the output above is the bare run's): before any other command has run.
        File archive = ClassDataArchive.of(user.home().resolve(".cache/crashwatch").toFile(),
                install.lib().resolve("crashwatch.jar").toFile(), user.java());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(archive::isFile);
        // The Java half records after `run` has returned (detached).
        Result[] top = new Result[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            top[0] = user.run(List.of("crashwatch", "top"), env);
            return top[0].out().contains("java.lang.NullPointerException");
        });
        assertEquals(0, top[0].status(), top[0].err());
        assertTrue(top[0].out().startsWith("#1          1  "), top[0].out());
        Result status = user.run(List.of("crashwatch", "status"), env);
        assertEquals(0, status.status(), status.err());
        assertTrue(status.out().contains("most recent crash:  Crash"), status.out());
    }

    @Test
    @Order(3)
    void a_death_by_a_signal_is_passed_on_as_a_death_by_that_signal() throws Exception {
        Map<String, String> env = store("signal-store");
        for (String signal : List.of("TERM", "KILL")) {
            List<String> cmd = new ArrayList<>(List.of(waitStatus.toString()));
            cmd.addAll(run("crashwatch", List.of("sh", "-c", "kill -" + signal + " $$")));
            Result waited = user.run(cmd, env);
            assertEquals(0, waited.status(), waited.err());
            assertEquals(signal.equals("TERM") ? "signal 15\n" : "signal 9\n", waited.out());
        }
        Result killed = user.run(run("crashwatch", sample("kill-self")), env);
        assertEquals(128 + 9, killed.status(), killed.err());
    }

    @Test
    @Order(4)
    void every_other_command_and_a_usage_error_go_through_the_script_in_libexec() throws Exception {
        Map<String, String> env = store("cli-store");
        Result help = user.run(List.of("crashwatch", "help"), env);
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().contains("run") && help.out().contains("version"), help.out());
        Result version = user.run(List.of("crashwatch", "version"), env);
        assertTrue(version.out().contains("native helpers: present (" + install.root().resolve("libexec") + ")"),
                version.out());
        Result unknown = user.run(List.of("crashwatch", "no-such-command"), env);
        assertEquals(2, unknown.status());
        assertEquals("", unknown.out());
        assertTrue(unknown.err().contains("no-such-command"), unknown.err());
        // A usage error of `run` is the Java `run`'s to report (the script's --jvm mode).
        Result usage = user.run(List.of("crashwatch", "run", "--bogus", "--", "true"), env);
        assertEquals(2, usage.status());
        assertTrue(usage.err().startsWith("crashwatch run: unknown option --bogus"), usage.err());
    }

    /** The launcher is the child's parent: the entry itself, or with CRASHWATCH_NO_NATIVE=1 the Java launcher. */
    @Test
    @Order(5)
    void run_is_the_entrys_own_process_and_crashwatch_no_native_takes_the_java_launcher() throws Exception {
        Map<String, String> env = store("parent-store");
        List<String> parent = List.of("sh", "-c", "readlink /proc/$PPID/exe; tr '\\0' ' ' < /proc/$PPID/cmdline; exit 4");
        Result entry = user.run(run("crashwatch", parent), env);
        assertEquals(4, entry.status(), entry.err());
        List<String> lines = entry.out().lines().toList();
        assertEquals(install.bin().toRealPath().toString(), lines.get(0), entry.out());
        assertTrue(lines.get(1).startsWith("crashwatch run -- sh -c "), entry.out());

        Map<String, String> noNative = new java.util.HashMap<>(env);
        noNative.put("CRASHWATCH_NO_NATIVE", "1");
        Result java = user.run(run("crashwatch", parent), noNative);
        assertEquals(4, java.status(), java.err());
        lines = java.out().lines().toList();
        assertTrue(lines.get(0).endsWith("/bin/java"), java.out());
        assertTrue(lines.get(1).contains(" dev.crashwatch.watchdog.cli.Main run -- sh -c "), java.out());
    }

    @Test
    @Order(6)
    void nothing_was_written_inside_the_installation() throws Exception {
        assertEquals(before, install.snapshot());
    }
}
