package dev.crashwatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin in real Maven builds of {@code src/it/crashing-tests}, whose three test classes end their forks' JVMs in
 * three ways: a worker thread's uncaught exception (the fork lives on), {@code System.exit} and a native crash. Two
 * builds count into one throwaway store ({@code CRASHWATCH_DIR}) under the project's artifactId and version, in one
 * counter file whose counts add up; each build, stopped in the test phase by its dead forks, prints its own three
 * crashes at its end. A third build runs only the integration test, whose Failsafe fork loses a worker thread: it
 * succeeds, and {@code report} prints that crash in {@code verify}. {@code crashwatch:report} run on its own
 * afterwards prints the last build's. The sample builds use a local repository under
 * {@code target/} (filled by invoker:install and from the outer build's repository: settings.xml there).
 */
class MavenPluginIT {
    private static final String NAME = "crashing-tests@1.0.0";

    @TempDir
    Path work;

    @Test
    void builds_count_every_crash_of_their_test_forks_in_one_counter_file_and_print_their_own() throws Exception {
        Path project = copySample(work.resolve("crashing-tests"));
        Path store = work.resolve("store");

        Build first = mvn(project, store, "verify");
        assertNotEquals(0, first.status, "a dead fork fails the build: " + first.output);
        assertTrue(first.output.contains("The forked VM terminated without properly saying goodbye"), first.output);
        assertTrue(first.output.matches("(?s).*crashwatch: argLine set to -javaagent:\\S+crashwatch-agent-[^=]+\\.jar="
                + "program=crashing-tests,version=1\\.0\\.0,dir=\\S+,watchdog=\\S+,exitFrom=org\\.apache\\.maven\\.surefire"
                + "\\.booter\\.ForkedBooter -XX:ErrorFile=\\S+/target/hs_err_pid%p\\.log\n.*"), first.output);
        CounterFile counted = onlyCounterFile(store);
        Map<String, Long> crashes = crashCounters(counted);
        assertEquals(3, crashes.size(), crashes.toString());
        assertCounter(crashes, 1, "crash/crash\njava.lang.IllegalStateException\norg.example.WorkerThreadTest.work");
        assertCounter(crashes, 1, "crash/crash\ndev.crashwatch.agent.UnplannedExit\n", "org.example.ExitTest$Shutdown.now");
        assertCounter(crashes, 1, "crash/fatal\nSIGSEGV\n", "org.example.NativeCrashTest.segfaults");
        assertPrinted(first, crashes.keySet());

        Build second = mvn(project, store, "verify");
        assertNotEquals(0, second.status, second.output);
        CounterFile again = onlyCounterFile(store);
        assertEquals(counted.path(), again.path());
        Map<String, Long> twice = crashCounters(again);
        assertEquals(crashes.keySet(), twice.keySet());
        twice.values().forEach(n -> assertEquals(2L, n, twice.toString()));
        assertPrinted(second, twice.keySet());

        // Failsafe's fork, in a build that succeeds: report runs in verify, and the build-end report stays silent.
        Build integration = mvn(project, store, "verify", "-Dtest=none", "-Dsurefire.failIfNoSpecifiedTests=false");
        assertEquals(0, integration.status, integration.output);
        Map<String, Long> all = crashCounters(onlyCounterFile(store));
        assertEquals(4, all.size(), all.toString());
        crashes.keySet().forEach(name -> assertEquals(2L, all.get(name), name));
        assertCounter(all, 1, "crash/crash\njava.lang.UnsupportedOperationException\norg.example.WorkerThreadIT.serve");
        String server = all.keySet().stream().filter(n -> n.contains("WorkerThreadIT")).findFirst().orElseThrow();
        assertTrue(integration.output.contains("--- crashwatch-maven-plugin:" + System.getProperty("crashwatch.version")
                + ":report"), integration.output);
        assertPrinted(integration, List.of(server));

        Build report = mvn(project, store, "crashwatch:report");
        assertEquals(0, report.status, report.output);
        assertPrinted(report, List.of(server));
    }

    /** The build printed, once, that it counted these crashes (each once), with their stack IDs. */
    private static void assertPrinted(Build build, Collection<String> counters) {
        assertTrue(build.output.contains("[WARNING] crashwatch: " + counters.size() + " crash(es) of " + NAME
                + " counted during this build"), build.output);
        for (String counter : counters) {
            assertTrue(build.output.matches("(?s).*\\[WARNING\\] +1  " + StackIds.of(counter) + "  crash/.*"),
                    StackIds.of(counter) + " for " + counter + " in " + build.output);
        }
        assertEquals(1, build.output.split("counted during this build", -1).length - 1, "printed once: " + build.output);
    }

    private static void assertCounter(Map<String, Long> crashes, long count, String start, String... frames) {
        List<String> matching = crashes.keySet().stream()
                .filter(name -> name.startsWith(start) && Stream.of(frames).allMatch(f -> name.contains("\n" + f)))
                .toList();
        assertEquals(1, matching.size(), start + " " + List.of(frames) + " in " + crashes.keySet());
        assertEquals(count, crashes.get(matching.get(0)), matching.get(0));
    }

    private static CounterFile onlyCounterFile(Store store) throws IOException {
        List<CounterFile> files = store.counterFiles();
        assertEquals(1, files.size(), files.toString());
        CounterFile file = files.get(0);
        assertEquals("crashing-tests", file.key().program());
        assertEquals("1.0.0", file.key().version());
        return file;
    }

    private static CounterFile onlyCounterFile(Path store) throws IOException {
        return onlyCounterFile(Store.at(store));
    }

    private static Map<String, Long> crashCounters(CounterFile file) {
        return new TreeMap<>(file.counters().entrySet().stream().filter(e -> e.getKey().startsWith("crash/"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private record Build(int status, String output) {
    }

    /** Runs {@code mvn goals} in {@code project} as a developer would, its test JVMs counting into {@code store}. */
    private Build mvn(Path project, Path store, String... goals) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
                "-B", "-ntp", "-s", System.getProperty("crashwatch.it.settings"),
                "-Dmaven.repo.local=" + System.getProperty("crashwatch.it.repo"),
                "-Dcrashwatch.it.cache=" + Path.of(System.getProperty("crashwatch.it.cache")).toUri()));
        command.addAll(List.of(goals));
        Path log = Files.createTempFile(work, "mvn", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        for (String name : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "MAVEN_OPTS",
                "MAVEN_ARGS", "CRASHWATCH_MODE", "CRASHWATCH_WATCHDOG", "CRASHWATCH_JAVA"}) {
            builder.environment().remove(name);
        }
        builder.environment().put("CRASHWATCH_DIR", store.toString());
        Process maven = builder.start();
        assertTrue(maven.waitFor(5, TimeUnit.MINUTES), "mvn still running: " + Files.readString(log));
        return new Build(maven.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Path copySample(Path to) throws IOException {
        Path from = Path.of(System.getProperty("crashwatch.it.project"));
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.writeString(target, Files.readString(file)
                            .replace("@crashwatch.version@", System.getProperty("crashwatch.version")));
                }
            }
        }
        return to;
    }
}
