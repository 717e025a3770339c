package dev.crashwatch.watchdog.run;

import static dev.crashwatch.watchdog.run.Watchdog.exitStatus;
import static dev.crashwatch.watchdog.run.Watchdog.sample;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.testing.RequiredTool;
import dev.crashwatch.watchdog.testing.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./crashwatch} script as a user puts it on their PATH: through a symlink, from any directory. */
class ScriptIT {
    @TempDir
    Path tmp;

    @Test
    void runs_through_a_chain_of_symlinks_from_another_directory_and_counts() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path link = Files.createSymbolicLink(tmp.resolve("crashwatch-link"), TestJars.repo().resolve("crashwatch"));
        Path onPath = Files.createSymbolicLink(bin.resolve("crashwatch"), Path.of("../crashwatch-link"));
        Watchdog w = new Watchdog(tmp);
        List<String> run = new java.util.ArrayList<>(List.of(onPath.toString(), "run", "--"));
        run.addAll(sample("java", List.of(), "npe"));
        assertEquals(1, exitStatus(w.direct(run, "run")), () -> new String(w.errQuietly("run")));
        w.awaitRecorded(); // the native launcher's Java half records after `run` has returned
        assertEquals(0, exitStatus(w.direct(List.of(onPath.toString(), "counters", "--json"), "counters")));
        String json = new String(w.out("counters"));
        assertTrue(json.contains("\"program\" : \"Crash\"") || json.contains("\"program\":\"Crash\""), json);
        assertTrue(json.contains("java.lang.NullPointerException"), json);
        assertTrue(Files.isSymbolicLink(link));
    }

    /**
     * SIGQUIT sent to {@code crashwatch run} itself (not through a terminal): the native launcher forwards it, so the
     * child prints its thread dump and runs on; the Java launcher cannot forward it (HotSpot keeps SIGQUIT) and
     * prints no dump of its own. Either way the run goes on to its end.
     */
    @ParameterizedTest(name = "native launcher: {0}")
    @ValueSource(booleans = {true, false})
    void sigquit_to_the_watchdog_reaches_the_child_or_nothing_and_the_run_goes_on(boolean nativeLauncher) throws Exception {
        RequiredTool.require(!nativeLauncher || Files.isExecutable(Watchdog.nativeBinary()), "no native launcher built");
        Watchdog w = new Watchdog(tmp);
        List<String> run = new java.util.ArrayList<>(List.of(TestJars.repo().resolve("crashwatch").toString(), "run", "--"));
        run.addAll(sample("java", List.of(), "sleep", "1500"));
        ProcessBuilder pb = w.direct(run, "quit");
        if (!nativeLauncher) {
            pb.environment().put("CRASHWATCH_NO_NATIVE", "1");
        }
        Process watchdog = pb.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> new String(w.out("quit")).contains("starting"));
        new ProcessBuilder("kill", "-QUIT", Long.toString(watchdog.pid())).start().waitFor();
        if (nativeLauncher) {
            await().atMost(Duration.ofSeconds(20)).until(() -> new String(w.out("quit")).contains("Full thread dump"));
        }
        assertEquals(0, exitStatus(watchdog));
        String out = new String(w.out("quit")) + new String(w.err("quit"));
        assertTrue(out.contains("sample sleep done"), out);
        assertEquals(nativeLauncher ? 1 : 0, out.split("Full thread dump", -1).length - 1, out);
    }

    /**
     * The user's JAVA_TOOL_OPTIONS are the child's: the script keeps them off the watchdog's own JVM, and the child (a
     * script here, so the agent rides in the same variable) still gets them, ahead of the agent, with either launcher.
     */
    @ParameterizedTest(name = "native launcher: {0}")
    @ValueSource(booleans = {true, false})
    void the_users_java_tool_options_reach_the_child_and_not_the_watchdog(boolean nativeLauncher) throws Exception {
        RequiredTool.require(!nativeLauncher || Files.isExecutable(Watchdog.nativeBinary()), "no native launcher built");
        Watchdog w = new Watchdog(tmp);
        ProcessBuilder pb = w.direct(List.of(TestJars.repo().resolve("crashwatch").toString(), "run", "--",
                "sh", "-c", "echo \"$JAVA_TOOL_OPTIONS\"; echo \"${CRASHWATCH_CHILD_TOOL_OPTIONS-unset}\""), "tool");
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Dmine=1");
        if (!nativeLauncher) {
            pb.environment().put("CRASHWATCH_NO_NATIVE", "1");
        }
        assertEquals(0, exitStatus(pb), () -> new String(w.errQuietly("tool")));
        String[] lines = new String(w.out("tool")).split("\n");
        assertTrue(lines[0].startsWith("-Dmine=1 -javaagent:" + TestJars.agent()), lines[0]);
        assertEquals("unset", lines[1]);
        assertTrue(!new String(w.err("tool")).contains("Picked up JAVA_TOOL_OPTIONS: -Dmine=1"),
                "the watchdog's JVM picked up the user's options");
    }

    /**
     * The script finds its installation by its path as given, without starting a process for it where no symlink is
     * on that path: spelled with `..`, `.` and doubled slashes, or from a working directory reached through a symlink
     * (there it asks {@code cd -P}), every spelling resolves to the real path of the jars (the agent the child gets)
     * and leaves the child in the caller's working directory, under the caller's spelling of it.
     */
    @ParameterizedTest(name = "{0} from {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "../crashwatch, watchdog", "./watchdog/..//crashwatch, .", "crashwatch, .", "./crashwatch, linked",
            "../crashwatch, linked/watchdog", "./.././../crashwatch, watchdog/target"})
    void any_spelling_of_the_scripts_path_finds_the_real_jars_and_keeps_the_working_directory(String script, String from)
            throws Exception {
        RequiredTool.require(Files.isExecutable(Watchdog.nativeBinary()), "no native launcher built");
        Path repo = TestJars.repo().toRealPath();
        Path linked = Files.createSymbolicLink(tmp.resolve("linked"), repo);
        Path dir = from.startsWith("linked") ? tmp.resolve(from) : repo.resolve(from).normalize();
        Watchdog w = new Watchdog(tmp);
        List<String> command = script.contains("/") ? List.of(script) : List.of("sh", script);
        List<String> run = new java.util.ArrayList<>(command);
        run.addAll(List.of("run", "--", "sh", "-c", "echo \"$JAVA_TOOL_OPTIONS\"; echo \"$PWD\"; exit 3"));
        ProcessBuilder pb = w.direct(run, "spelling").directory(dir.toFile());
        pb.environment().put("PWD", dir.toString()); // as a shell that cd'd there gives it
        assertEquals(3, exitStatus(pb), () -> new String(w.errQuietly("spelling")));
        String[] lines = new String(w.out("spelling")).split("\n");
        assertTrue(lines[0].startsWith("-javaagent:" + repo.resolve("watchdog/target/crashwatch-agent.jar")), lines[0]);
        assertEquals(dir.toString(), lines[1]);
        assertEquals("", new String(w.err("spelling")));
        assertTrue(Files.isSymbolicLink(linked));
    }
}
