package dev.crashwatch.fleet.upload;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crashwatch.watchdog.store.CollectorUrl;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Talks to a collector over the JDK's {@link HttpClient}: {@code GET /v1/config} and {@code POST /v1/reports}.
 * HTTPS (the JDK's trust store), plain HTTP only to loopback ({@link CollectorUrl}); redirects are not followed;
 * replies are read up to a bound, never whole.
 */
public final class CollectorClient {
    static final String CONFIG_PATH = "/v1/config";
    static final String REPORTS_PATH = "/v1/reports";
    /** The most of a config body read; a config is a few hundred bytes. */
    static final int MAX_CONFIG_BYTES = 1 << 20;
    /** The most of a reply to a report read; only its first line is kept. */
    static final int MAX_REPLY_BYTES = 8 << 10;
    static final int MAX_LINE = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final CollectorUrl url;
    private final HttpClient http;

    public CollectorClient(CollectorUrl url) {
        this.url = url;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public CollectorUrl url() {
        return url;
    }

    /** The upload config's bytes (on a 2xx), with the reply. */
    public record Fetched(CollectorReply reply, byte[] body) {
    }

    public Fetched fetchConfig() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url.resolve(CONFIG_PATH)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(MAX_CONFIG_BYTES + 1);
            if (body.length > MAX_CONFIG_BYTES) {
                throw new IOException("the collector's config is over " + MAX_CONFIG_BYTES + " bytes");
            }
            return new Fetched(reply(response, body), body);
        }
    }

    /**
     * Sends report {@code id}'s bytes exactly as they are (no compression: the stored file is the request body). A
     * 2xx counts only as the collector's acknowledgement of this report: {@code {"id":"<id>","stored":true,...}}.
     */
    public CollectorReply send(String id, byte[] report) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url.resolve(REPORTS_PATH)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(report)).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(MAX_REPLY_BYTES);
            CollectorReply reply = reply(response, body);
            return new CollectorReply(reply.status(), reply.retryAfter(), reply.line(), acknowledges(body, id));
        }
    }

    /**
     * Whether {@code body} is a collector's acknowledgement of report {@code id}: a JSON object whose top-level
     * {@code id} is that ID and whose {@code stored} is true. Read as a stream, stopping once both are seen, so a
     * reply cut at {@link #MAX_REPLY_BYTES} (a long {@code dropped} list after them) still counts.
     */
    static boolean acknowledges(byte[] body, String id) {
        boolean idSeen = false;
        boolean stored = false;
        try (JsonParser p = JSON.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME && !(idSeen && stored)) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("id")) {
                    idSeen = value == JsonToken.VALUE_STRING && id.equals(p.getText());
                } else if (field.equals("stored")) {
                    stored = value == JsonToken.VALUE_TRUE;
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException cut) {
            // What was read before counts.
        }
        return idSeen && stored;
    }

    private static CollectorReply reply(HttpResponse<?> response, byte[] body) {
        return new CollectorReply(response.statusCode(),
                response.headers().firstValue("Retry-After").flatMap(CollectorClient::retryAfter), firstLine(body));
    }

    /** {@code Retry-After}: a number of seconds or an HTTP date; anything else is ignored. */
    static Optional<Duration> retryAfter(String value) {
        String v = value.trim();
        if (v.matches("[0-9]{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The reply in one line: the {@code error} of a JSON error body ({@code {"error":"week ... is too old"}}),
     * else the body's first line; printable characters only, at most {@link #MAX_LINE} of them.
     */
    static String firstLine(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        try {
            JsonNode json = JSON.readTree(text);
            if (json != null && json.isObject() && json.path("error").isTextual()) {
                text = json.get("error").asText();
            }
        } catch (IOException e) {
            // not JSON: the first line as it is
        }
        int nl = text.indexOf('\n');
        String line = (nl < 0 ? text : text.substring(0, nl)).strip();
        StringBuilder clean = new StringBuilder();
        line.codePoints().limit(MAX_LINE).forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.toString();
    }
}
