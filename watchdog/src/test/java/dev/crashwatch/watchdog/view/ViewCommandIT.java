package dev.crashwatch.watchdog.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.Store;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crashwatch view} as a user runs it: the packaged jar, the default port, served until it is stopped. */
class ViewCommandIT {
    @TempDir
    Path dir;

    @Test
    void serves_the_default_store_on_4040_or_the_next_free_port_until_stopped() throws Exception {
        Path store = dir.resolve("store");
        ViewFixture.fill(Store.at(store));
        ViewProcess view = ViewProcess.start(store, List.of(), System.getenv("PATH"), dir);
        try (view) {
            int port = view.awaitPort();
            assertTrue(port >= ViewServer.DEFAULT_PORT && port < ViewServer.DEFAULT_PORT + ViewServer.PORTS_TO_TRY,
                "port " + port);
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(view.uri()).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<strong id=\"total-crashes\">" + ViewFixture.allCrashes() + "</strong>"),
                page.body());
            assertTrue(view.isAlive(), "still serving");
        }
        assertEquals(143, view.exitValue(), "ended by SIGTERM, after its shutdown hook");
    }

    @Test
    void open_hands_the_address_to_xdg_open_and_a_failing_opener_is_only_a_message() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path opened = dir.resolve("opened.txt");
        Path opener = Files.writeString(bin.resolve("xdg-open"), "#!/bin/sh\necho \"$@\" > '" + opened + "'\nexit 3\n");
        opener.toFile().setExecutable(true);
        try (ViewProcess view = ViewProcess.start(dir.resolve("store"), List.of("--port", "0", "--open"),
                bin + ":" + System.getenv("PATH"), dir)) {
            String expected = view.uri().toString();
            await("xdg-open called").atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(opened) && Files.readString(opened).equals(expected + "\n"));
            await("the failure reported").atMost(Duration.ofSeconds(20)).until(() -> view.stderr().contains(
                "crashwatch view: xdg-open failed (exit 3); open " + expected + " yourself\n"));
            assertTrue(view.isAlive(), "still serving");
        }
    }
}
