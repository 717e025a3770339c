package dev.crashwatch.fleet.upload;

import dev.crashwatch.fleet.collector.CollectorServer;
import dev.crashwatch.fleet.collector.CollectorSettings;
import dev.crashwatch.fleet.config.UploadConfig;
import dev.crashwatch.fleet.storage.FolderStore;
import dev.crashwatch.fleet.storage.ReportArchive;
import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The real collector (Jetty, folder storage) on 127.0.0.1, in the test's JVM so that its clock can run ahead: the
 * machines' crashes are recorded in the current week, which a collector on today's clock would refuse as not yet
 * ended. Everything else is as {@code crashwatch collector --dir DIR} runs it. (As a process of its own, the
 * collector's {@code --today} does the same: {@link AutomaticUploadIT}.)
 */
final class RealCollector implements AutoCloseable {
    final Path dir;
    private final CollectorServer server;

    RealCollector(Path dir, Duration ahead, UnaryOperator<CollectorSettings> tweak) throws Exception {
        this.dir = dir;
        CollectorSettings settings = tweak.apply(CollectorSettings.defaults("127.0.0.1", 0, UploadConfig.allowAll())
                .withClock(Clock.offset(Clock.systemUTC(), ahead)));
        server = new CollectorServer(settings, new ReportArchive(new FolderStore(dir)));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Every report stored, as read back from the storage folder ({@code received=DAY/ID.json}). */
    List<Report> stored() throws Exception {
        List<Report> reports = new ArrayList<>();
        for (Path f : storedFiles()) {
            reports.add(ReportJson.read(Files.readAllBytes(f)));
        }
        return reports;
    }

    List<Path> storedFiles() throws IOException {
        return storedFiles(dir);
    }

    /** The report files a collector storing in folder {@code dir} holds. */
    static List<Path> storedFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getParent().getFileName().toString().startsWith(ReportArchive.RECEIVED)
                    && p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /** A counter of {@code GET /metrics}: {@code crashwatch_collector_<name>_total}. */
    long metric(String name) {
        String prefix = "crashwatch_collector_" + name + "_total ";
        return server.metricsText().lines().filter(l -> l.startsWith(prefix))
                .mapToLong(l -> Long.parseLong(l.substring(prefix.length()).strip())).sum();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
