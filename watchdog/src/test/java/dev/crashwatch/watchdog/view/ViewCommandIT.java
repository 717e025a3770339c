package dev.crashwatch.watchdog.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.testing.TestJars;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crashwatch view} as a user runs it: the packaged jar, the default port, served until it is stopped. */
class ViewCommandIT {
    private static final Pattern SERVING = Pattern.compile("serving http://localhost:(\\d+)/ ");

    @TempDir
    Path dir;

    @Test
    void serves_the_default_store_on_4040_or_the_next_free_port_until_stopped() throws Exception {
        Path store = dir.resolve("store");
        ViewFixture.fill(Store.at(store));
        Path out = dir.resolve("out.txt");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-jar", TestJars.watchdog().toString(), "view"))
            .redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("CRASHWATCH_DIR", store.toString());
        Process view = pb.start();
        try {
            Matcher m = await("the address printed").atMost(Duration.ofSeconds(30))
                .until(() -> SERVING.matcher(Files.readString(out)), Matcher::find);
            int port = Integer.parseInt(m.group(1));
            assertTrue(port >= ViewServer.DEFAULT_PORT && port < ViewServer.DEFAULT_PORT + ViewServer.PORTS_TO_TRY,
                "port " + port);
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<strong id=\"total-crashes\">" + ViewFixture.allCrashes() + "</strong>"),
                page.body());
            assertTrue(view.isAlive(), "still serving");
        } finally {
            view.destroy();
            assertTrue(view.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
        }
        assertEquals(143, view.exitValue(), "ended by SIGTERM, after its shutdown hook");
    }
}
