package dev.crashwatch.watchdog.view;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.crashwatch.watchdog.store.Store;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Serves a view (one store's, or the fleet's: a {@link ViewSource}) on the loopback address (127.0.0.1) only, with the JDK's built-in HTTP server.
 * Each request to {@code /} reads the store afresh. The page runs no script and loads nothing from elsewhere,
 * and its Content-Security-Policy says so; requests that name another host are refused (DNS rebinding). Requests
 * are served concurrently on a small pool of threads, and a connection that sends its request too slowly (or never
 * finishes it) is closed after {@value #REQUEST_SECONDS} s: one slow client never blocks the others.
 */
public final class ViewServer implements AutoCloseable {
    /** The port {@code gotelemetry view} uses; taken when free, else the next free one. */
    public static final int DEFAULT_PORT = 4040;
    static final int PORTS_TO_TRY = 20;
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";
    /** The longest a client may take to send a request, and (times 3) to take the response. */
    static final int REQUEST_SECONDS = 10;
    static final int THREADS = 8;

    static {
        // Read once, when the JDK's server classes load: they must be set before the first server is created.
        setIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        setIfAbsent("sun.net.httpserver.maxRspTime", Integer.toString(3 * REQUEST_SECONDS));
    }

    private final HttpServer server;
    private final ViewSource page;

    private ViewServer(HttpServer server, ViewSource page) {
        this.server = server;
        this.page = page;
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread t = new Thread(runnable, "crashwatch-view");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** Serves {@code store} on {@value #DEFAULT_PORT} or the first free port after it. */
    public static ViewServer startOnDefaultPort(Store store) throws IOException {
        return startOnDefaultPort(new ViewPage(store));
    }

    /** Serves {@code page} on {@value #DEFAULT_PORT} or the first free port after it. */
    public static ViewServer startOnDefaultPort(ViewSource page) throws IOException {
        BindException last = null;
        for (int port = DEFAULT_PORT; port < DEFAULT_PORT + PORTS_TO_TRY; port++) {
            try {
                return start(page, port);
            } catch (BindException e) {
                last = e;
            }
        }
        throw new BindException("ports " + DEFAULT_PORT + "-" + (DEFAULT_PORT + PORTS_TO_TRY - 1)
            + " are all in use (" + last.getMessage() + "); choose one with --port");
    }

    /** Serves {@code store} on exactly {@code port} (0: any free port); fails if it is taken. */
    public static ViewServer start(Store store, int port) throws IOException {
        return start(new ViewPage(store), port);
    }

    /** Serves {@code page} on exactly {@code port} (0: any free port); fails if it is taken. */
    public static ViewServer start(ViewSource page, int port) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
        return new ViewServer(HttpServer.create(loopback, 0), page);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address to print and to open: {@code http://localhost:PORT/}. */
    public URI uri() {
        return URI.create("http://localhost:" + port() + "/");
    }

    /** The address the server is bound to (always a loopback address). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        if (server.getExecutor() instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!isOwnHost(exchange.getRequestHeaders().getFirst("Host"))) {
                send(exchange, 421, "text/plain", "This server answers only to localhost:" + port() + ".\n");
            } else if (!exchange.getRequestURI().getPath().equals("/")) {
                send(exchange, 404, "text/plain", "Not found. The view is at /.\n");
            } else if (!Set.of("GET", "HEAD").contains(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain", "Only GET.\n");
            } else {
                render(exchange);
            }
        }
    }

    private void render(HttpExchange exchange) throws IOException {
        String html;
        try {
            html = page.render(QueryParams.parse(exchange.getRequestURI().getRawQuery()));
        } catch (IOException | RuntimeException e) {
            send(exchange, 500, "text/html", page.error(e));
            return;
        }
        send(exchange, 200, "text/html", html);
    }

    private boolean isOwnHost(String host) {
        return host != null && Set.of("localhost", "127.0.0.1").stream()
            .anyMatch(name -> host.equalsIgnoreCase(name + ":" + port()));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
