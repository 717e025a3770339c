package dev.crashwatch.fleet.upload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A collector on 127.0.0.1 that answers {@code POST /v1/reports} from a script (status, Retry-After, body) and
 * {@code GET /v1/config} with a fixed config, recording every report body and when it came: for the client's
 * failure paths (503, 429, 4xx) in one JVM. The end-to-end tests use the real collector.
 */
public final class ScriptedCollector implements AutoCloseable {
    /** One scripted answer. */
    record Answer(int status, String retryAfter, String body) {
    }

    /** One report received. */
    record Received(long nanoTime, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static final String ALLOW_ALL = """
            {"format":"crashwatch-upload-config/v1","programs":[{"name":"*","versions":["*"],"sampleRate":1.0}],
             "counterPrefixes":["crash/"],"stackDepth":16}
            """;

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private volatile String config = ALLOW_ALL;

    public ScriptedCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/reports", this::report);
        server.createContext("/v1/config", ex -> answer(ex, new Answer(200, null, config)));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public ScriptedCollector then(int status, String retryAfter, String body) {
        script.add(new Answer(status, retryAfter, body));
        return this;
    }

    void config(String json) {
        config = json;
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void report(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            received.add(new Received(System.nanoTime(), in.readAllBytes()));
        }
        Answer a = script.poll();
        answer(ex, a == null ? new Answer(202, null, acknowledgement(received.get(received.size() - 1).text())) : a);
    }

    /** What a collector answers a report it stored: its ID, {@code "stored":true}. */
    static String acknowledgement(String report) {
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{32})\"").matcher(report);
        return id.find() ? "{\"id\":\"" + id.group(1) + "\",\"stored\":true}" : "{\"stored\":true}";
    }

    private static void answer(HttpExchange ex, Answer a) throws IOException {
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        if (a.retryAfter() != null) {
            ex.getResponseHeaders().add("Retry-After", a.retryAfter());
        }
        ex.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
