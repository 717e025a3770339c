package dev.crashwatch.watchdog.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.Store;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on a real loopback socket: where it listens, what it answers, what it refuses. */
class ViewServerTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listens_on_127_0_0_1_only_and_serves_the_page_with_a_strict_policy() throws Exception {
        try (ViewServer server = ViewServer.start(ViewFixture.fill(Store.at(dir)), 0)) {
            assertEquals(InetAddress.getByName("127.0.0.1"), server.address().getAddress());
            assertEquals("http://localhost:" + server.port() + "/", server.uri().toString());
            HttpResponse<String> r = get(server, "/?base=2.3.0&new=2.4.0-rc1");
            assertEquals(200, r.statusCode());
            assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("default-src 'none'"));
            assertTrue(r.body().contains("<strong id=\"total-crashes\">" + ViewFixture.allCrashes() + "</strong>"));
            assertTrue(r.body().contains("id=\"compare-results\""), "the query reached the page");
        }
    }

    @Test
    void a_request_that_never_finishes_does_not_block_the_others() throws Exception {
        try (ViewServer server = ViewServer.start(Store.at(dir), 0);
             java.net.Socket slow = new java.net.Socket("127.0.0.1", server.port());
             java.net.Socket silent = new java.net.Socket("127.0.0.1", server.port())) {
            slow.getOutputStream().write(("GET / HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nX-Slow: ")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri()).timeout(java.time.Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue((System.nanoTime() - start) / 1_000_000_000L < ViewServer.REQUEST_SECONDS,
                    "served while the slow request was still open");
        }
    }

    @Test
    void default_port_is_4040_or_the_next_free_one() throws Exception {
        Store store = Store.at(dir);
        try (ViewServer first = ViewServer.startOnDefaultPort(store);
             ViewServer second = ViewServer.startOnDefaultPort(store)) {
            assertTrue(first.port() >= ViewServer.DEFAULT_PORT && first.port() < second.port(), first.port() + " then "
                + second.port());
            assertTrue(second.port() < ViewServer.DEFAULT_PORT + ViewServer.PORTS_TO_TRY);
            assertEquals(200, get(second, "/").statusCode());
        }
    }

    @Test
    void other_paths_methods_and_hosts_are_refused() throws Exception {
        try (ViewServer server = ViewServer.start(Store.at(dir), 0)) {
            assertEquals(404, get(server, "/favicon.ico").statusCode());
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.uri())
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
            assertTrue(rawStatusLine(server, "evil.example:" + server.port()).contains(" 421 "),
                "a DNS-rebinding request names another host");
            assertTrue(rawStatusLine(server, "127.0.0.1:" + server.port()).contains(" 200 "));
        }
    }

    @Test
    void a_store_that_cannot_be_read_is_a_500_page_that_says_so() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("counters"), "not a directory");
        try (ViewServer server = ViewServer.start(Store.at(dir), 0)) {
            HttpResponse<String> r = get(server, "/");
            assertEquals(500, r.statusCode());
            assertTrue(r.body().contains("Could not read the store: "), r.body());
        }
    }

    @Test
    void a_port_in_use_is_an_error_when_asked_for_exactly() throws Exception {
        try (ViewServer server = ViewServer.start(Store.at(dir), 0)) {
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.net.BindException.class,
                () -> ViewServer.start(Store.at(dir), server.port()));
            assertNotEquals(null, e.getMessage());
        }
    }

    private HttpResponse<String> get(ViewServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request with a chosen Host header (java.net.http does not let one set it). */
    private static String rawStatusLine(ViewServer server, String host) throws Exception {
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(64), StandardCharsets.US_ASCII).lines().findFirst().orElse("");
        }
    }
}
