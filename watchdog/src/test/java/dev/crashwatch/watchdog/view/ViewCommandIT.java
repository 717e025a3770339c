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
import java.util.ArrayList;
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
        Process view = start(store, List.of(), System.getenv("PATH"));
        try {
            int port = awaitPort();
            assertTrue(port >= ViewServer.DEFAULT_PORT && port < ViewServer.DEFAULT_PORT + ViewServer.PORTS_TO_TRY,
                "port " + port);
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<strong id=\"total-crashes\">" + ViewFixture.allCrashes() + "</strong>"),
                page.body());
            assertTrue(view.isAlive(), "still serving");
        } finally {
            stop(view);
        }
        assertEquals(143, view.exitValue(), "ended by SIGTERM, after its shutdown hook");
    }

    @Test
    void open_hands_the_address_to_xdg_open_and_a_failing_opener_is_only_a_message() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path opened = dir.resolve("opened.txt");
        Path opener = Files.writeString(bin.resolve("xdg-open"), "#!/bin/sh\necho \"$@\" > '" + opened + "'\nexit 3\n");
        opener.toFile().setExecutable(true);
        Process view = start(dir.resolve("store"), List.of("--port", "0", "--open"), bin + ":" + System.getenv("PATH"));
        try {
            int port = awaitPort();
            String expected = "http://localhost:" + port + "/";
            await("xdg-open called").atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(opened) && Files.readString(opened).equals(expected + "\n"));
            await("the failure reported").atMost(Duration.ofSeconds(20)).until(() -> Files.readString(err()).contains(
                "crashwatch view: xdg-open failed (exit 3); open " + expected + " yourself\n"));
            assertTrue(view.isAlive(), "still serving");
        } finally {
            stop(view);
        }
    }

    private Process start(Path store, List<String> args, String path) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", TestJars.watchdog().toString(), "view"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out().toFile()).redirectError(err().toFile());
        pb.environment().put("CRASHWATCH_DIR", store.toString());
        pb.environment().put("PATH", path);
        return pb.start();
    }

    private int awaitPort() {
        Matcher m = await("the address printed").atMost(Duration.ofSeconds(30))
            .until(() -> SERVING.matcher(Files.readString(out())), Matcher::find);
        return Integer.parseInt(m.group(1));
    }

    private static void stop(Process view) throws InterruptedException {
        view.destroy();
        assertTrue(view.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
    }

    private Path out() {
        return dir.resolve("out.txt");
    }

    private Path err() {
        return dir.resolve("err.txt");
    }
}
