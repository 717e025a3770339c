package dev.crashwatch.fleet.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crashwatch.fleet.config.UploadConfig;
import dev.crashwatch.fleet.storage.FolderStore;
import dev.crashwatch.fleet.storage.ReportArchive;
import dev.crashwatch.fleet.testing.Http;
import dev.crashwatch.fleet.testing.Reports;
import dev.crashwatch.watchdog.store.ReportIds;
import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage full: the collector's folder on a 1 MiB tmpfs, filled up by another file. Uploads get 503 with
 * Retry-After, no partial or temporary file is left, every report that got a 2xx is whole; once space returns the
 * refused report is stored. Needs root to mount (CI and the developers' machines run as root).
 */
class StorageFullIT {
    @TempDir
    Path dir;

    @Test
    void a_full_disk_gets_503_leaves_nothing_partial_and_the_collector_recovers() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Path mount = Files.createDirectories(dir.resolve("tmpfs"));
        run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString());
        try {
            Path store = Files.createDirectories(mount.resolve("store"));
            try (FolderStore folder = new FolderStore(store);
                 CollectorServer server = new CollectorServer(CollectorSettings.defaults("127.0.0.1", 0,
                         UploadConfig.allowAll()).withRates(1e9, 1e9, 1e9), new ReportArchive(folder))) {
                server.start();
                Http http = new Http(server.port());
                Path filler = mount.resolve("filler");
                fill(filler);
                List<Report> stored = new ArrayList<>();
                Report refused = null;
                for (int i = 0; i < 200 && refused == null; i++) {
                    Report report = Reports.simple(ReportIds.newId(), i + 1);
                    HttpResponse<String> r = http.post(Reports.json(report));
                    if (r.statusCode() == 503) {
                        assertTrue(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()) > 0);
                        refused = report;
                    } else {
                        assertEquals(201, r.statusCode(), r.body());
                        stored.add(report);
                    }
                }
                assertTrue(refused != null, "the disk never filled up");
                try (Stream<Path> tmp = Files.list(store.resolve("_collector/tmp"))) {
                    assertEquals(List.of(), tmp.toList(), "temporary files left behind");
                }
                assertWhole(store, stored);
                assertTrue(server.metricsText().contains("crashwatch_collector_storage_errors_total 1\n"));

                Files.delete(filler);
                HttpResponse<String> again = http.post(Reports.json(refused));
                assertEquals(201, again.statusCode(), again.body());
                stored.add(refused);
                assertWhole(store, stored);
            }
        } finally {
            run("umount", mount.toString());
        }
    }

    /** Fills the file system, then frees 24 KiB: room for a few reports, not for many. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[4096];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
                written += block.length;
            }
        } catch (IOException full) {
            // the disk is full
        }
        try (var channel = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(Math.max(0, written - 24 * 1024));
        }
    }

    private static void assertWhole(Path store, List<Report> stored) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(store)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        }
        assertEquals(stored.size(), files.size());
        for (Path f : files) {
            Report r = ReportJson.read(Files.readAllBytes(f));
            assertTrue(stored.contains(r), f.toString());
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + output);
    }
}
