package dev.crashwatch.fleet.upload;

import dev.crashwatch.watchdog.store.CollectorUrl;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import dev.crashwatch.watchdog.uploads.ReportState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real store in a test's folder, in mode on since a given day, with counters written through the store's API. */
public final class UploadStore {
    static final String CRASH = "crash/crash\njava.lang.IllegalStateException\napp.Main.main:+2";

    public final Path dir;
    final Store store;

    public UploadStore(Path dir, LocalDate consentDay) throws IOException {
        this.dir = dir;
        this.store = Store.at(dir);
        Files.createDirectories(dir);
        // The mode file as 'crashwatch mode on' writes it, on an earlier day (docs/store.md, "Mode").
        Files.writeString(dir.resolve("mode"), "on " + consentDay + "\n");
    }

    static CounterFileKey key(String program, String version, LocalDate week) {
        return new CounterFileKey(program, version, "17.0.15", "linux-debian-12", "amd64", week);
    }

    public UploadStore crashes(LocalDate week, long n) throws IOException {
        return counters(key("app", "2.4.0-rc1", week), Map.of(CRASH, n));
    }

    UploadStore counters(CounterFileKey key, Map<String, Long> counts) throws IOException {
        store.add(key, counts);
        return this;
    }

    /** One upload run as of {@code today}, no grace period, retries 10 ms apart. */
    public UploadResult upload(String collector, LocalDate today) throws Exception {
        return upload(collector, today, 0);
    }

    UploadResult upload(String collector, LocalDate today, int graceDays) throws Exception {
        List<UploadStep> steps = new ArrayList<>();
        UploadSettings settings = new UploadSettings(Optional.of(CollectorUrl.parse(collector)), graceDays, today,
                Duration.ofMillis(10));
        return new Uploader(store, settings, steps::add).run();
    }

    ReportShelf shelf() {
        return ReportShelf.of(store);
    }

    List<StoredReport> in(ReportState state) throws IOException {
        return shelf().in(state);
    }
}
