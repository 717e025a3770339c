package dev.crashwatch.watchdog.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One headless Chromium session driven over the W3C WebDriver JSON protocol (plain HTTP to ChromeDriver, no
 * Selenium): navigate, find elements, click, run a script, take a screenshot.
 */
public final class WebDriverSession implements AutoCloseable {
    /** The key under which W3C WebDriver returns an element reference. */
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ChromeDriverProcess driver;
    /** {@code http://127.0.0.1:PORT/session/ID}: the session's own address, for DELETE. */
    private final URI session;
    /** The same with a trailing slash, to resolve commands against. */
    private final URI commands;

    private WebDriverSession(ChromeDriverProcess driver, Path profile) throws IOException, InterruptedException {
        this.driver = driver;
        List<String> args = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + profile, "--window-size=1100,900");
        Map<String, Object> chrome = Map.of("binary", ChromeDriverProcess.CHROMIUM.toString(), "args", args);
        Map<String, Object> caps = Map.of("capabilities",
            Map.of("alwaysMatch", Map.of("browserName", "chrome", "goog:chromeOptions", chrome)));
        JsonNode value = call("POST", driver.base().resolve("session"), caps);
        this.session = driver.base().resolve("session/" + value.get("sessionId").asText());
        this.commands = URI.create(session + "/");
    }

    /** Starts a browser through {@code driver}, with a fresh profile in {@code profile}. */
    public static WebDriverSession open(ChromeDriverProcess driver, Path profile) throws IOException, InterruptedException {
        return new WebDriverSession(driver, profile);
    }

    public void navigate(URI page) throws IOException, InterruptedException {
        call("POST", commands.resolve("url"), Map.of("url", page.toString()));
    }

    /** Runs {@code script} (a function body; {@code arguments[i]} are the args) in the page; returns its value. */
    public JsonNode execute(String script, Object... args) throws IOException, InterruptedException {
        return call("POST", commands.resolve("execute/sync"), Map.of("script", script, "args", List.of(args)));
    }

    /** The ID of the first element matching the CSS selector (fails when there is none). */
    public String find(String css) throws IOException, InterruptedException {
        return call("POST", commands.resolve("element"), Map.of("using", "css selector", "value", css))
            .get(ELEMENT).asText();
    }

    /** The element's rendered text, as a user sees it. */
    public String text(String element) throws IOException, InterruptedException {
        return call("GET", commands.resolve("element/" + element + "/text"), null).asText();
    }

    public void click(String element) throws IOException, InterruptedException {
        call("POST", commands.resolve("element/" + element + "/click"), Map.of());
    }

    public void resizeWindow(int width, int height) throws IOException, InterruptedException {
        call("POST", commands.resolve("window/rect"), Map.of("width", width, "height", height));
    }

    /** A PNG of the browser's viewport. */
    public byte[] screenshot() throws IOException, InterruptedException {
        return Base64.getDecoder().decode(call("GET", commands.resolve("screenshot"), null).asText());
    }

    /** Grows the window to the whole page (at most 4000 pixels high) and saves a PNG of it to {@code file}. */
    public void saveFullPageScreenshot(Path file) throws IOException, InterruptedException {
        int height = execute("return document.documentElement.scrollHeight"
            + " + window.outerHeight - window.innerHeight;").asInt();
        resizeWindow(1100, Math.min(height + 8, 4000));
        byte[] png = screenshot();
        if (png.length < 1000 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new IllegalStateException("the screenshot is not a PNG");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png);
    }

    /**
     * Ends the session: ChromeDriver quits the browser, which removes its temporary files; then waits until every
     * browser process is gone, killing any that linger.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        List<ProcessHandle> browser = driver.browserProcesses();
        try {
            call("DELETE", session, null);
        } finally {
            ChromeDriverProcess.awaitExit(browser);
        }
    }

    private JsonNode call(String method, URI uri, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json; charset=utf-8").method(method, publisher).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + uri.getPath() + ": "
                + value.path("error").asText() + ": " + value.path("message").asText());
        }
        return value;
    }
}
