package dev.crashwatch.dist;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent by Maven coordinates: {@code mvn install} put {@code dev.crashwatch:crashwatch-agent} into a repository
 * (the invoker's, target/it-repo) with the POM metadata a user expects, and a project that depends on it
 * (src/it/agent-by-coordinates, built by the invoker) starts it with {@code Crashwatch.start()} and gets its crash
 * counted by the watchdog of the build.
 */
class CoordinatesIT {
    private static final String VERSION = System.getProperty("crashwatch.version");
    private static final Path REPO = Path.of(System.getProperty("crashwatch.it.repo"));
    private static final Path SAMPLE = Path.of(System.getProperty("crashwatch.it.projects"), "agent-by-coordinates");

    @TempDir
    Path tmp;

    @Test
    void the_installed_poms_name_describe_license_and_locate_the_agent() throws Exception {
        String agent = Files.readString(REPO.resolve("dev/crashwatch/crashwatch-agent/" + VERSION
                + "/crashwatch-agent-" + VERSION + ".pom"));
        assertTrue(agent.contains("<name>crashwatch agent</name>"), agent);
        assertTrue(agent.contains("<description>"), agent);
        String parent = Files.readString(REPO.resolve("dev/crashwatch/crashwatch-parent/" + VERSION
                + "/crashwatch-parent-" + VERSION + ".pom"));
        for (String element : List.of("<licenses>", "<scm ", "<connection>", "<url>", "<developers>")) {
            assertTrue(parent.contains(element), element + " missing from the parent POM");
        }
    }

    @Test
    void a_project_depending_on_the_agent_by_coordinates_starts_it_and_its_crash_is_counted() throws Exception {
        Path agentJar = SAMPLE.resolve("target/lib/crashwatch-agent-" + VERSION + ".jar");
        try (JarFile jar = new JarFile(agentJar.toFile())) {
            assertEquals("dev.crashwatch.agent.Premain", jar.getManifest().getMainAttributes().getValue("Premain-Class"));
        }
        Path watchdog = Path.of("..", "watchdog", "target", "crashwatch.jar").toAbsolutePath().normalize();
        Path store = tmp.resolve("store");
        ProcessBuilder app = new ProcessBuilder("java", "-cp",
                SAMPLE.resolve("target/agent-by-coordinates-1.0.jar") + ":" + agentJar, "example.App")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("app.out").toFile());
        app.environment().put("CRASHWATCH_DIR", store.toString());
        app.environment().put("CRASHWATCH_WATCHDOG", watchdog.toString());
        app.environment().remove("CRASHWATCH_MODE");
        Process p = app.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), () -> read(tmp.resolve("app.out")));
        await().atMost(Duration.ofSeconds(60)).until(() -> counted(store));
    }

    private static boolean counted(Path store) throws Exception {
        Path counters = store.resolve("counters");
        if (!Files.isDirectory(counters)) {
            return false;
        }
        try (var files = Files.list(counters)) {
            return files.filter(f -> f.toString().endsWith(".json")).anyMatch(f -> read(f).contains("example.App.main"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "";
        }
    }
}
