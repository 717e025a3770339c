package dev.crashwatch.fleet.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.fleet.config.UploadConfig;
import dev.crashwatch.fleet.storage.ObjectStore;
import dev.crashwatch.fleet.storage.ReportArchive;
import dev.crashwatch.fleet.storage.S3Store;
import dev.crashwatch.fleet.testing.Http;
import dev.crashwatch.fleet.testing.Reports;
import dev.crashwatch.fleet.testing.S3ProxyServer;
import dev.crashwatch.watchdog.store.ReportIds;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The collector's tests over S3 (S3Proxy in this JVM), and what a failing object store makes it answer. */
class S3CollectorTest extends CollectorContract {
    static S3ProxyServer proxy;
    static int stores;

    @BeforeAll
    static void startProxy() throws Exception {
        proxy = new S3ProxyServer(Files.createTempDirectory("s3proxy"));
    }

    @AfterAll
    static void stopProxy() throws Exception {
        proxy.close();
    }

    @Override
    ObjectStore open(Path dir) {
        return proxy.store("collector" + (++stores));
    }

    @Test
    void a_store_that_fails_gets_503_with_retry_after_and_nothing_half_written() throws Exception {
        try (S3Store missing = new S3Store(proxy.client(), "no-such-bucket", "x");
             CollectorServer failing = new CollectorServer(
                     CollectorSettings.defaults("127.0.0.1", 0, UploadConfig.allowAll()), new ReportArchive(missing))) {
            failing.start();
            HttpResponse<String> r = new Http(failing.port()).post(Reports.json(Reports.simple(ReportIds.newId(), 1)));
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()) > 0);
            assertTrue(failing.metricsText().contains("crashwatch_collector_storage_errors_total 1\n"));
        }
        start();
        assertEquals(List.of(), objects.list(""));
    }
}
