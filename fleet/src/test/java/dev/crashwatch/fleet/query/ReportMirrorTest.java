package dev.crashwatch.fleet.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.crashwatch.fleet.cli.FleetMain;
import dev.crashwatch.fleet.storage.S3Store;
import dev.crashwatch.fleet.testing.S3ProxyServer;
import dev.crashwatch.watchdog.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports in S3 (S3Proxy in this JVM on loopback, the real protocol): mirrored into a local folder, they give the
 * same answers as the folder the collector would have written; keys that are not reports are not fetched.
 */
class ReportMirrorTest {
    @TempDir
    Path folder;

    @TempDir
    Path proxyDir;

    @TempDir
    Path mirror;

    @Test
    void the_mirror_of_an_s3_fleet_answers_as_the_folder_does() throws Exception {
        TestFleet.write(folder);
        BadFiles.plant(folder);
        try (S3ProxyServer proxy = new S3ProxyServer(proxyDir); S3Store store = proxy.store("fleet")) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    store.put(folder.relativize(f).toString(), Files.readAllBytes(f));
                }
            }
            store.put("received=not-a-day/x.json", "{}".getBytes(StandardCharsets.UTF_8));
            store.put("_collector/ids/00/0000", "claim".getBytes(StandardCharsets.UTF_8));

            ReportMirror.Result first = ReportMirror.sync(store, mirror);
            assertEquals(2, first.ignored(), "the key whose folder is not a day, and the hidden file");
            assertEquals(0, first.present());
            ReportMirror.Result again = ReportMirror.sync(store, mirror);
            assertEquals(new ReportMirror.Result(0, first.fetched(), first.ignored()), again, "nothing fetched twice");
            assertFalse(Files.exists(mirror.resolve("_collector")));

            FleetMain.registerAll();
            System.setProperty("aws.accessKeyId", S3ProxyServer.KEY);
            System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET);
            try {
                assertEquals(answer(folder.toString()), answer("s3://" + S3ProxyServer.BUCKET + "/fleet",
                    "--s3-endpoint", proxy.endpoint().toString(), "--mirror", mirror.toString()));
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
        }
    }

    /** {@code fleet top --json} over {@code reports}: the answer and the files skipped. */
    private static String answer(String reports, String... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of("fleet", "top", "--json", "--reports", reports), Stream.of(more))
            .toArray(String[]::new);
        assertEquals(0, Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        return out.toString(StandardCharsets.UTF_8);
    }
}
