package dev.crashwatch.watchdog.watch;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.files.AtomicFiles;
import dev.crashwatch.watchdog.store.files.PrivateFiles;
import dev.crashwatch.watchdog.uploads.UploadStatus;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * After a crash is recorded in mode {@code on}, starts {@code crashwatch upload} ({@code docs/upload.md}) as a
 * detached process, at most once a UTC day per store ({@code reports/upload-started} keeps the day of the last
 * start; two watchdogs racing may both start one, and the upload's own lock lets only one run). Nobody waits for
 * it: it runs in a session of its own where {@code setsid} exists, its input is {@code /dev/null} and its output
 * goes to the store's {@code log/upload.log}, never to the application's stdout or stderr; a failure to start it
 * is written there too.
 */
public final class UploadStarter {
    static final String LOG = "upload.log";
    private static final File SETSID = new File("/usr/bin/setsid");
    private static final File DEV_NULL = new File("/dev/null");

    private UploadStarter() {
    }

    /** Starts an upload (the caller checked that the mode is on) unless one was started today; never throws. */
    public static void afterCrash(Store store) {
        try {
            Path reports = store.reportsDir();
            if (Files.isSymbolicLink(reports)) {
                throw new IOException(reports + " is a symbolic link: not followed");
            }
            Path token = reports.resolve(UploadStatus.STARTED_FILE);
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            if (Files.isRegularFile(token, LinkOption.NOFOLLOW_LINKS)
                    && Files.readString(token, StandardCharsets.UTF_8).strip().equals(today)) {
                return;
            }
            AtomicFiles.replace(token, (today + "\n").getBytes(StandardCharsets.UTF_8));
            start(store);
        } catch (IOException | RuntimeException e) {
            log(store, "crashwatch: could not start an upload: " + e);
        }
    }

    private static void start(Store store) throws IOException {
        Path script = script();
        if (script == null) {
            log(store, "crashwatch: no upload started: the crashwatch script and the fleet's jar are not beside "
                    + "this watchdog's jar");
            return;
        }
        List<String> command = new ArrayList<>();
        if (SETSID.canExecute()) {
            command.add(SETSID.getPath());
        }
        command.add("/bin/sh");
        command.add(script.toString());
        command.add("upload");
        ProcessBuilder pb = new ProcessBuilder(command).directory(store.dir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(store).toFile()))
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("CRASHWATCH_CHILD_TOOL_OPTIONS");
        env.put("CRASHWATCH_DIR", store.dir().toString());
        pb.start();
    }

    /**
     * The {@code crashwatch} script beside this watchdog's jar, in either layout the script itself knows
     * ({@code docs/install.md}): an installation ({@code libexec/crashwatch} in the platform archive, whose
     * {@code bin/crashwatch} is the native entry, else {@code bin/crashwatch}; {@code lib/crashwatch.jar}, the fleet in
     * {@code lib/fleet/}) or a source checkout ({@code crashwatch} at the root, {@code watchdog/target/crashwatch.jar},
     * {@code fleet/target/crashwatch-fleet.jar}). Null when the fleet's jar is not there: in a checkout the script
     * would build it, which a detached upload must not start.
     */
    static Path script() {
        try {
            Path lib = Path.of(UploadStarter.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().getParent();
            for (String dir : List.of("libexec", "bin")) {
                Path installed = lib.getParent().resolve(dir).resolve("crashwatch");
                if (Files.isRegularFile(installed) && Files.isDirectory(lib.resolve("fleet"))) {
                    return installed;
                }
            }
            Path root = lib.getParent().getParent();
            Path checkout = root.resolve("crashwatch");
            return Files.isRegularFile(checkout) && Files.isRegularFile(root.resolve("fleet/target/crashwatch-fleet.jar"))
                    ? checkout : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** {@code log/upload.log}, created 0600 if missing; a symbolic link there is not followed. */
    private static Path logFile(Store store) throws IOException {
        Path log = store.logFile(LOG);
        if (Files.isSymbolicLink(log)) {
            throw new IOException(log + " is a symbolic link: not followed");
        }
        if (!Files.exists(log, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createFile(log, PrivateFiles.fileAttributes());
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another watchdog made it just now
            }
        }
        return log;
    }

    private static void log(Store store, String line) {
        try {
            Files.writeString(logFile(store), line + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            // Nowhere left to say it that is not the application's output: the next crash tries again.
        }
    }
}
