package dev.crashwatch.fleet.collector;

import dev.crashwatch.fleet.config.UploadConfigJson;
import dev.crashwatch.fleet.storage.ReportArchive;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The collector's HTTP server: embedded Jetty 12 with one core handler for its four endpoints
 * ({@code docs/fleet.md}, "Endpoints"). Requests are handled on Jetty's thread pool, which may block on storage:
 * a report is answered only once it is durable.
 */
public final class CollectorServer implements AutoCloseable {
    private static final String JSON = "application/json";

    private final Server server;
    private final ServerConnector connector;
    private final CollectorMetrics metrics = new CollectorMetrics();
    private final ReportIntake intake;
    private final TokenBuckets buckets;
    private final BodyReader bodies;
    private final byte[] configJson;

    public CollectorServer(CollectorSettings settings, ReportArchive archive) {
        this.intake = new ReportIntake(archive, settings.config(), settings.oldestWeekDays(), settings.clock(), metrics);
        this.buckets = new TokenBuckets(settings.clientRate(), settings.clientBurst(), settings.totalRate(),
                System::nanoTime);
        this.bodies = new BodyReader(settings.maxBodyBytes(), settings.maxReportBytes());
        this.configJson = UploadConfigJson.write(settings.config()).getBytes(StandardCharsets.UTF_8);
        QueuedThreadPool threads = new QueuedThreadPool(128, 8);
        threads.setName("collector");
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(30_000);
        server.addConnector(connector);
        server.setHandler(new Routes());
        server.setStopTimeout(5_000);
    }

    public void start() throws Exception {
        server.start();
    }

    /** The port it listens on (the chosen one when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** The Prometheus text of {@code GET /metrics}, for tests and tools in the same process. */
    public String metricsText() {
        return metrics.prometheusText();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private final class Routes extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            String method = request.getMethod();
            Reply reply;
            try {
                reply = switch (path) {
                    case "/v1/reports" -> method.equals("POST") ? report(request) : badMethod("POST");
                    case "/v1/config" -> method.equals("GET") ? throttled(request, configJson) : badMethod("GET");
                    case "/healthz" -> method.equals("GET") ? Reply.of(200, "{\"status\":\"ok\"}\n") : badMethod("GET");
                    case "/metrics" -> method.equals("GET") ? null : badMethod("GET");
                    default -> rejected(new Rejection(RejectReason.NOT_FOUND, "no such endpoint"));
                };
            } catch (IOException e) {
                callback.failed(e); // the client went away mid-body: nothing to answer
                return true;
            }
            if (reply == null) {
                send(response, callback, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.prometheusText(), 0);
            } else {
                send(response, callback, reply.status(), JSON, reply.json(), reply.retryAfterSeconds());
            }
            return true;
        }

        private Reply report(Request request) throws IOException {
            long wait = buckets.take(Request.getRemoteAddr(request));
            if (wait > 0) {
                metrics.throttled.increment();
                return Reply.error(429, "too many requests, try again later", wait);
            }
            String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
            if (type != null && !type.toLowerCase().startsWith(JSON)) {
                return rejected(new Rejection(RejectReason.BAD_ENCODING, "Content-Type must be " + JSON));
            }
            byte[] body;
            try {
                body = bodies.read(Request.asInputStream(request), request.getLength(),
                        request.getHeaders().get(HttpHeader.CONTENT_ENCODING));
            } catch (Rejection r) {
                return rejected(r);
            }
            return intake.receive(body);
        }

        private Reply throttled(Request request, byte[] json) {
            long wait = buckets.take(Request.getRemoteAddr(request));
            if (wait > 0) {
                metrics.throttled.increment();
                return Reply.error(429, "too many requests, try again later", wait);
            }
            return Reply.of(200, new String(json, StandardCharsets.UTF_8));
        }

        private Reply badMethod(String allowed) {
            return rejected(new Rejection(RejectReason.BAD_METHOD, "method not allowed here; use " + allowed));
        }

        private Reply rejected(Rejection r) {
            metrics.rejected(r.reason());
            return r.reply();
        }

        private void send(Response response, Callback callback, int status, String type, String body, long retryAfter) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            if (retryAfter > 0) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(retryAfter));
            }
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        }
    }
}
