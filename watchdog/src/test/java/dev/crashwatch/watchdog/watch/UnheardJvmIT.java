package dev.crashwatch.watchdog.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.pipe.PipeRecord;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.testing.TestJars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that died of a fatal error before any hello reached the watchdog (here: one run without the agent, the
 * extreme case) is still counted when the watchdog started it: the log is found where HotSpot's defaults put it, or
 * at its {@code -XX:ErrorFile} path when the watchdog was told it, and the counter file is named from the log's
 * header.
 */
class UnheardJvmIT {
    @TempDir
    Path tmp;

    @Test
    void a_fatal_error_before_the_hello_is_counted_from_the_log_alone() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        long started = System.currentTimeMillis();
        Process jvm = crashNatively(work);
        assertTrue(Files.exists(work.resolve("hs_err_pid" + jvm.pid() + ".log")), "HotSpot wrote no log");

        Store store = Store.at(tmp.resolve("store"));
        assertTrue(watch(store).concludeUnheard(new KnownJvm(jvm.pid(), work, "", started)));
        assertOneNativeCrashCounted(store);
    }

    @Test
    void a_fatal_error_at_the_error_file_path_is_found_there_relative_to_the_working_directory() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.createDirectories(work.resolve("logs"));
        long started = System.currentTimeMillis();
        Process jvm = crashNatively(work, "-XX:ErrorFile=logs/custom_%p_100%%.log");
        assertTrue(Files.exists(work.resolve("logs/custom_" + jvm.pid() + "_100%.log")), "HotSpot wrote no log there");
        assertFalse(Files.exists(work.resolve("hs_err_pid" + jvm.pid() + ".log")));

        Store store = Store.at(tmp.resolve("store"));
        assertFalse(watch(store).concludeUnheard(new KnownJvm(jvm.pid(), work, "", started)),
                "found without the setting");
        assertTrue(watch(store).concludeUnheard(new KnownJvm(jvm.pid(), work, "logs/custom_%p_100%%.log", started)));
        assertOneNativeCrashCounted(store);
    }

    /** A JVM without the agent (it never says hello) that dies of a fatal error in {@code work}; gone on return. */
    private Process crashNatively(Path work, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", TestJars.samples().toString(), "dev.crashwatch.samples.Crash", "native-segv"));
        Process jvm = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out").toFile()).start();
        assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "the crashing JVM did not end");
        return jvm;
    }

    private static Watch watch(Store store) {
        return new Watch(new StoreRecorder(store, Labels.NONE, message -> { }));
    }

    /** One counter file, named from the log's header, holding the sample's native crash. */
    private static void assertOneNativeCrashCounted(Store store) throws IOException {
        List<CounterFile> files = store.counterFiles();
        assertEquals(1, files.size());
        assertEquals("Crash", files.get(0).key().program());
        assertEquals(System.getProperty("java.version"), files.get(0).key().javaVersion());
        String name = files.get(0).counters().keySet().iterator().next();
        assertTrue(name.startsWith("crash/fatal\n"), name);
        assertTrue(name.contains("dev.crashwatch.samples.NativeCrashes"), name);
    }

    @Test
    void a_jvm_that_left_no_log_counts_nothing_and_a_jvm_heard_from_is_left_to_the_normal_rules() throws Exception {
        Store store = Store.at(tmp.resolve("store"));
        Watch watch = watch(store);
        assertFalse(watch.concludeUnheard(new KnownJvm(4_000_000L, tmp, "", System.currentTimeMillis())));

        String hello = "pid=4000001\nstartMillis=" + System.currentTimeMillis() + "\ncwd=" + tmp + "\n";
        watch.onRecord(new PipeRecord(4_000_001L, "HELLO", 0, hello.getBytes(StandardCharsets.UTF_8), true));
        Files.writeString(tmp.resolve("hs_err_pid4000001.log"), "# JRE version: OpenJDK Runtime Environment (17.0.15+6)\n");
        assertFalse(watch.concludeUnheard(new KnownJvm(4_000_001L, tmp, "", System.currentTimeMillis() - 10_000)));
        assertEquals(List.of(), store.counterFiles());
    }

    @Test
    void the_java_version_is_read_from_the_jre_version_line_of_both_jdks() {
        assertEquals("17.0.15", UnheardJvm.javaVersion(
                "# JRE version: OpenJDK Runtime Environment (17.0.15+6) (build 17.0.15+6-Debian-1deb12u1)"));
        assertEquals("25.0.3", UnheardJvm.javaVersion(
                "# JRE version: OpenJDK Runtime Environment Temurin-25.0.3+9 (25.0.3+9) (build 25.0.3+9-LTS)"));
        assertEquals("26-ea", UnheardJvm.javaVersion("# JRE version: OpenJDK Runtime Environment (26-ea+5) (build 26-ea+5)"));
        assertEquals("", UnheardJvm.javaVersion("# JRE version:  (build unknown)"));
    }
}
