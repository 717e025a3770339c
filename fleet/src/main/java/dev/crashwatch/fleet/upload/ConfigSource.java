package dev.crashwatch.fleet.upload;

import dev.crashwatch.fleet.config.UploadConfig;
import dev.crashwatch.fleet.config.UploadConfigException;
import dev.crashwatch.fleet.config.UploadConfigJson;
import dev.crashwatch.watchdog.store.files.AtomicFiles;
import dev.crashwatch.watchdog.uploads.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The collector's upload config: fetched at each upload run and kept in the store as {@code
 * reports/upload-config.json} (as served, so a person can read what the collector asks for); when the collector
 * cannot be reached, the kept copy is used. A body that is not a valid config is never kept.
 */
final class ConfigSource {
    static final String FILE = "upload-config.json";

    /** The config to use, where it came from, and what went wrong fetching it (if anything). */
    record Found(Optional<UploadConfig> config, String note) {
    }

    private ConfigSource() {
    }

    static Found fetch(CollectorClient client, Retrying retrying, Path reportsDir) throws IOException, InterruptedException {
        Path cached = reportsDir.resolve(FILE);
        Retrying.Outcome<CollectorClient.Fetched> got = retrying.call(client::fetchConfig, CollectorClient.Fetched::reply);
        String problem;
        if (got.value().isPresent() && got.value().get().reply().ok()) {
            byte[] body = got.value().get().body();
            try {
                UploadConfig config = UploadConfigJson.read(body);
                AtomicFiles.replace(cached, body);
                return new Found(Optional.of(config), "");
            } catch (UploadConfigException e) {
                problem = "the collector's upload config is not valid (" + e.getMessage() + ")";
            }
        } else {
            problem = "could not fetch the upload config (" + got.problem() + ")";
        }
        if (Files.isRegularFile(cached, LinkOption.NOFOLLOW_LINKS)) {
            try {
                return new Found(Optional.of(UploadConfigJson.read(ReportFiles.bytes(cached))), problem + ": using the kept copy");
            } catch (UploadConfigException e) {
                return new Found(Optional.empty(), problem + ", and the kept copy is not valid (" + e.getMessage() + ")");
            }
        }
        return new Found(Optional.empty(), problem);
    }
}
