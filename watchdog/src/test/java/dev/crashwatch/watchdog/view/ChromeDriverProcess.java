package dev.crashwatch.watchdog.view;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real ChromeDriver ({@code /usr/bin/chromedriver}) listening on a free loopback port, for end-to-end tests.
 * {@link #close()} kills it and every browser process it started.
 */
public final class ChromeDriverProcess implements AutoCloseable {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private ChromeDriverProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** True when both Debian packages (chromium, chromium-driver) are installed. */
    public static boolean installed() {
        return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    }

    /** Starts ChromeDriver and waits until its {@code /status} says it is ready. */
    public static ChromeDriverProcess start(Path log) throws IOException {
        int port = freeLoopbackPort();
        Process p = new ProcessBuilder(List.of(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1"))
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ChromeDriverProcess driver = new ChromeDriverProcess(p, URI.create("http://127.0.0.1:" + port + "/"));
        try {
            await("chromedriver ready").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(driver::ready);
        } catch (RuntimeException e) {
            driver.close();
            throw e;
        }
        return driver;
    }

    /** ChromeDriver's address: {@code http://127.0.0.1:PORT/}. */
    URI base() {
        return base;
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("chromedriver exited with " + process.exitValue());
        }
        try {
            HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(base.resolve("status")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"ready\":true");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The browser processes ChromeDriver has started (its descendants) at this moment. */
    List<ProcessHandle> browserProcesses() {
        return process.descendants().toList();
    }

    /** Kills ChromeDriver and any browser process still under it, and waits until all are gone. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(browserProcesses());
        all.add(process.toHandle());
        killAndWait(all);
    }

    /** Waits a few seconds for {@code processes} to end by themselves, then kills the rest. */
    static void awaitExit(List<ProcessHandle> processes) {
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
        } catch (ConditionTimeoutException e) {
            killAndWait(processes);
        }
    }

    /** Kills {@code processes} and waits until all are gone. */
    static void killAndWait(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroyForcibly);
        await("processes gone").atMost(Duration.ofSeconds(20))
            .until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
