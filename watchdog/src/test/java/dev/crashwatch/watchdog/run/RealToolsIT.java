package dev.crashwatch.watchdog.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.counters.CounterFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real tools as their users run them (issue 18, item 1): Maven itself and the test JVMs Surefire forks, wrapped in
 * {@code crashwatch run -- mvn ...}, are counted under stable program names: {@code mvn} with Maven's version, and
 * {@code surefire-fork:<artifactId>} with the project's version, the same counter file build after build.
 */
class RealToolsIT {
    @TempDir
    Path tmp;

    @Test
    void three_builds_whose_test_crashes_the_fork_count_in_one_file_named_after_the_project() throws Exception {
        Watchdog watchdog = new Watchdog(tmp);
        Path project = copyProject(watchdog.work().resolve("shop-api"));
        for (int build = 1; build <= 3; build++) {
            ProcessBuilder pb = watchdog.run(List.of(), List.of("mvn", "-B", "-q", "-f", project.resolve("pom.xml")
                    .toString(), "test"), "build" + build);
            assertEquals(0, Watchdog.exitStatus(pb), new String(watchdog.out("build" + build),
                    StandardCharsets.UTF_8));
        }
        // Maven's own JVM is a run of mvn (crashwatch/runs alone); the crashes are all the fork's.
        List<CounterFile> files = watchdog.counterFiles().stream()
                .filter(f -> f.counters().keySet().stream().anyMatch(c -> c.startsWith("crash/"))).toList();
        assertEquals(1, files.size(), watchdog.counterFiles().toString());
        assertEquals("surefire-fork:shop-api", files.get(0).key().program());
        assertEquals("1.4.0", files.get(0).key().version());
        // Lines resolved from the test class path Surefire sets after premain (the crash record carries it): the
        // booter jar the hello names is deleted when the fork ends, maybe before the watchdog names the crash.
        assertEquals(Map.of("crash/crash\njava.lang.IllegalStateException\n"
                + "shop.CrashTest.lambda$crashes_a_thread_of_the_fork$0:+0\njava.lang.Thread.run", 3L),
                watchdog.counters("crash/crash\n"));
    }

    @Test
    void maven_itself_is_mvn_with_its_version() throws Exception {
        Watchdog watchdog = new Watchdog(tmp);
        ProcessBuilder version = watchdog.direct(List.of("mvn", "-B", "-v"), "version");
        assertEquals(0, Watchdog.exitStatus(version));
        Matcher m = Pattern.compile("Apache Maven (\\S+)").matcher(new String(watchdog.out("version"),
                StandardCharsets.UTF_8));
        assertTrue(m.find(), "mvn -v names its version");

        Path project = copyProject(watchdog.work().resolve("shop-api"));
        ProcessBuilder pb = watchdog.run(List.of(), List.of("mvn", "-B", "-q", "-f", project.resolve("pom.xml")
                .toString(), "validate"), "oom");
        pb.environment().put("MAVEN_OPTS", "-Xmx6m -XX:+ExitOnOutOfMemoryError");
        Watchdog.exitStatus(pb);
        List<CounterFile> files = watchdog.counterFiles();
        assertEquals(1, files.size(), files + " " + new String(watchdog.errQuietly("oom"), StandardCharsets.UTF_8));
        assertEquals("mvn", files.get(0).key().program());
        assertEquals(m.group(1), files.get(0).key().version());
        assertEquals(Map.of("crash/oom-exit", 1L), watchdog.counters());
    }

    /**
     * The JDK's own tools take the agent through their launcher's {@code -J} option, so that no JVM prints a
     * {@code Picked up JAVA_TOOL_OPTIONS} line: {@code javac} on a file that does not compile and {@code jshell}, whose
     * snippet crashes a thread of the JVM that runs snippets (its execution engine, given the agent by {@code -R}),
     * write byte for byte what they write without crashwatch and end with the same status; the crash counts once,
     * under {@code jshell-engine}.
     */
    @Test
    void jdk_tools_print_and_end_exactly_as_without_crashwatch_and_a_crash_in_jshells_engine_counts_once()
            throws Exception {
        Watchdog watchdog = new Watchdog(tmp);
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path bad = Files.writeString(watchdog.work().resolve("Bad.java"), "class Bad { void f() { int x = } }\n");
        Path snippets = Files.writeString(watchdog.work().resolve("crash.jsh"), String.join("\n",
                "System.out.println(\"hello\");",
                "Thread t = new Thread(() -> { throw new IllegalStateException(\"boom\"); }); t.start(); t.join();",
                "/exit 3", ""));
        List<List<String>> tools = List.of(
                List.of(bin.resolve("javac").toString(), "-d", "classes", bad.toString()),
                List.of(bin.resolve("jshell").toString(), "-q", snippets.toString()));
        for (List<String> tool : tools) {
            String name = Path.of(tool.get(0)).getFileName().toString();
            Watchdog.exitStatus(watchdog.direct(tool, name + "-first")); // a first jshell notes its preferences
            int bare = Watchdog.exitStatus(watchdog.direct(tool, name + "-bare"));
            int wrapped = Watchdog.exitStatus(watchdog.run(List.of(), tool, name));
            assertEquals(bare, wrapped, name);
            assertEquals(new String(watchdog.out(name + "-bare"), StandardCharsets.UTF_8),
                    new String(watchdog.out(name), StandardCharsets.UTF_8), name);
            assertEquals(new String(watchdog.err(name + "-bare"), StandardCharsets.UTF_8),
                    new String(watchdog.err(name), StandardCharsets.UTF_8), name);
        }
        assertTrue(new String(watchdog.err("jshell"), StandardCharsets.UTF_8).contains("boom"));
        // The snippet's wrapper class is numbered by the snippets before it, which differ from JDK to JDK.
        Map<String, Long> counters = watchdog.counters();
        assertEquals(1, counters.size(), counters.toString());
        assertTrue(counters.keySet().iterator().next().matches("crash/crash\njava.lang.IllegalStateException\n"
                + "REPL\\.\\$JShell\\$\\d+\\.lambda\\$do_it\\$\\$0:=\\d+\njava.lang.Thread.run"), counters.toString());
        assertEquals(1L, counters.values().iterator().next());
        assertTrue(watchdog.counterFiles().stream().anyMatch(f -> f.key().program().equals("jshell-engine")
                && f.counters().keySet().stream().anyMatch(c -> c.startsWith("crash/"))), watchdog.counterFiles().toString());
    }

    private static Path copyProject(Path to) throws IOException {
        Path from = Path.of(System.getProperty("crashwatch.repo"), "watchdog/src/test/resources/realtools/shop-api");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
