package dev.crashwatch.watchdog.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.agent.wire.PipeKey;
import dev.crashwatch.watchdog.watch.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChildCommandTest {
    private static final String AGENT = "-javaagent:/a/crashwatch-agent.jar=pipe=/s/run/x/crash.pipe";

    @ParameterizedTest
    @ValueSource(strings = {"java", "/usr/lib/jvm/temurin-25/bin/java"})
    void inserts_the_agent_right_after_a_java_program(String java) {
        ProcessBuilder pb = ChildCommand.of(List.of(java, "-cp", "app.jar", "Main"), AGENT);
        assertEquals(List.of(java, AGENT, "-cp", "app.jar", "Main"), pb.command());
        assertFalse(pb.environment().getOrDefault("JAVA_TOOL_OPTIONS", "").contains(AGENT));
    }

    @Test
    void uses_java_tool_options_for_anything_else() {
        ProcessBuilder pb = ChildCommand.of(List.of("./start.sh", "arg"), AGENT);
        assertEquals(List.of("./start.sh", "arg"), pb.command());
        assertTrue(pb.environment().get("JAVA_TOOL_OPTIONS").endsWith(AGENT));
    }

    @Test
    void keeps_existing_tool_options_and_quotes_paths_with_spaces() {
        Map<String, String> env = new HashMap<>(Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g"));
        ChildCommand.addToolOption(env, "-javaagent:/my dir/a.jar");
        assertEquals("-Xmx1g \"-javaagent:/my dir/a.jar\"", env.get("JAVA_TOOL_OPTIONS"));
    }

    @Test
    void the_users_tool_options_set_aside_by_the_script_come_back_for_the_child() {
        Map<String, String> env = new HashMap<>(Map.of("CRASHWATCH_CHILD_TOOL_OPTIONS", "-Dmine=1"));
        ChildCommand.restoreUsersToolOptions(env);
        ChildCommand.addToolOption(env, AGENT);
        assertEquals(Map.of("JAVA_TOOL_OPTIONS", "-Dmine=1 " + AGENT), env);
    }

    @Test
    void a_script_child_gets_the_pipe_in_a_variable_so_that_the_picked_up_line_names_no_store_path() {
        Path pipe = Path.of("/s/run/x/crash.pipe");
        ProcessBuilder pb = ChildCommand.withAgent(List.of("./start.sh"), Path.of("/a/crashwatch-agent.jar"), pipe,
                Labels.NONE);
        assertEquals("-javaagent:/a/crashwatch-agent.jar=pipe=$CRASHWATCH_PIPE", pb.environment().get("JAVA_TOOL_OPTIONS"));
        assertEquals(pipe.toString(), pb.environment().get("CRASHWATCH_PIPE"));
    }

    @Test
    void a_java_child_gets_the_pipe_on_its_command_line() {
        ProcessBuilder pb = ChildCommand.withAgent(List.of("java", "Main"), Path.of("/a/crashwatch-agent.jar"),
                Path.of("/s/p"), Labels.NONE);
        assertEquals(List.of("java", "-javaagent:/a/crashwatch-agent.jar=pipe=/s/p", "Main"), pb.command());
        assertFalse(pb.environment().containsKey("CRASHWATCH_PIPE"));
    }

    /**
     * The FIFO's identity goes with its path (the agent then opens it without checking it again), never into a
     * script's variables.
     */
    @Test
    void a_java_child_gets_the_fifos_key_beside_its_path_and_a_script_child_does_not(@TempDir Path dir)
            throws Exception {
        Path fifo = dir.resolve("crash.pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        ProcessBuilder pb = ChildCommand.withAgent(List.of("java", "Main"), Path.of("/a/crashwatch-agent.jar"), fifo,
                Labels.NONE);
        String key = PipeKey.of(fifo);
        assertEquals("-javaagent:/a/crashwatch-agent.jar=pipe=" + fifo + ",pipeKey=" + key, pb.command().get(1));
        assertTrue(PipeKey.matches(fifo, key));
        ProcessBuilder script = ChildCommand.withAgent(List.of("./start.sh"), Path.of("/a/crashwatch-agent.jar"), fifo,
                Labels.NONE);
        assertEquals("-javaagent:/a/crashwatch-agent.jar=pipe=$CRASHWATCH_PIPE",
                script.environment().get("JAVA_TOOL_OPTIONS"));
    }

    @Test
    void a_jdk_tool_gets_the_agent_through_its_launchers_j_option_and_jshell_its_engine_too() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path pipe = Path.of("/s/p");
        String option = "-javaagent:/a/crashwatch-agent.jar=pipe=/s/p";
        ProcessBuilder javac = ChildCommand.withAgent(List.of(bin.resolve("javac").toString(), "A.java"),
                Path.of("/a/crashwatch-agent.jar"), pipe, Labels.NONE);
        assertEquals(List.of(bin.resolve("javac").toString(), "-J" + option, "A.java"), javac.command());
        assertFalse(javac.environment().getOrDefault("JAVA_TOOL_OPTIONS", "").contains("crashwatch"));
        ProcessBuilder jshell = ChildCommand.withAgent(List.of(bin.resolve("jshell").toString()),
                Path.of("/a/crashwatch-agent.jar"), pipe, Labels.NONE);
        assertEquals(List.of(bin.resolve("jshell").toString(), "-J" + option, "-R" + option), jshell.command());
    }

    @Test
    void a_jdk_tool_is_found_on_the_path_through_links_and_a_script_of_its_name_is_not_one(@TempDir Path dir)
            throws IOException {
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        Path links = Files.createDirectories(dir.resolve("links"));
        Files.createSymbolicLink(links.resolve("javac"), javac);
        assertEquals(Optional.of("javac"), JdkTool.name("javac", "/nonexistent:" + links));
        assertEquals(Optional.of("javac"), JdkTool.name(links.resolve("javac").toString(), null));
        Path shims = Files.createDirectories(dir.resolve("shims"));
        Path shim = Files.writeString(shims.resolve("javac"), "#!/bin/sh\nexec " + javac + " \"$@\"\n");
        shim.toFile().setExecutable(true);
        assertEquals(Optional.empty(), JdkTool.name("javac", shims + ":" + links));
        assertEquals(Optional.empty(), JdkTool.name("javac", null));
        assertEquals(Optional.empty(), JdkTool.name(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                null));
    }

    @Test
    void no_agent_leaves_the_command_alone() {
        assertEquals(List.of("java", "Main"), ChildCommand.of(List.of("java", "Main"), null).command());
    }

    @Test
    void writes_the_agent_option_and_refuses_separators_in_labels() {
        assertEquals("-javaagent:/a/agent.jar=pipe=/p,program=billing,version=1.0",
                AgentOption.of(Path.of("/a/agent.jar"), "/p", new Labels("billing", "1.0")));
        assertThrows(IllegalArgumentException.class,
                () -> AgentOption.of(Path.of("/a/agent.jar"), "/p", new Labels("a,b", null)));
    }
}
