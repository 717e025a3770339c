package dev.crashwatch.fleet.cli;

import dev.crashwatch.fleet.collector.CollectorServer;
import dev.crashwatch.fleet.collector.CollectorSettings;
import dev.crashwatch.fleet.config.UploadConfig;
import dev.crashwatch.fleet.config.UploadConfigException;
import dev.crashwatch.fleet.config.UploadConfigJson;
import dev.crashwatch.fleet.storage.FolderStore;
import dev.crashwatch.fleet.storage.ObjectStore;
import dev.crashwatch.fleet.storage.ReportArchive;
import dev.crashwatch.fleet.storage.S3Store;
import dev.crashwatch.fleet.storage.StorageException;
import dev.crashwatch.watchdog.cli.Command;
import dev.crashwatch.watchdog.cli.CommandArgs;
import dev.crashwatch.watchdog.cli.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code crashwatch collector}: runs the collector ({@code docs/fleet.md}) until it is stopped, storing in a folder
 * or in S3.
 */
public final class CollectorCommand implements Command {
    static final String DEFAULT_LISTEN = "127.0.0.1:8420";

    @Override
    public String name() {
        return "collector";
    }

    @Override
    public String summary() {
        return "Run the collector that receives and stores the fleet's weekly reports";
    }

    @Override
    public String usage() {
        return """
            usage: crashwatch collector (--dir DIR | --s3 s3://BUCKET/PREFIX [--s3-endpoint URL]) [--listen HOST:PORT]
                                        [--config FILE] [--client-rate N] [--total-rate N] [--oldest-week DAYS]
              Receives reports at POST /v1/reports and stores each once, durably, under received=YYYY-MM-DD/ before
              it answers; serves the upload config at GET /v1/config, GET /healthz and GET /metrics. Runs until
              stopped (Ctrl-C, SIGTERM). See docs/fleet.md.
              --dir DIR          store in this folder (made if missing)
              --s3 URL           store in S3 under this bucket and key prefix (credentials and region as the AWS
                                 SDK finds them); --s3-endpoint URL for an S3-compatible store
              --listen HOST:PORT address and port to listen on; default 127.0.0.1:8420 (port 0: any free port)
              --config FILE      the upload config to serve and apply (docs/upload.md); default: every program
                                 and version, crash/ counters, 16 frames
              --client-rate N    reports per second per client address (bursts of 10 times that); default 10
              --total-rate N     reports per second from all clients together; default 5000
              --oldest-week DAYS refuse weeks that ended more than DAYS days ago; default 35
              --today YYYY-MM-DD for tests only: take this UTC day as today (received= folders, week checks), the
                                 time of day running on; so a test can upload the week its crashes were recorded in""";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        CommandArgs args = CommandArgs.parse(argv, Set.of(), Set.of("--dir", "--s3", "--s3-endpoint", "--listen",
                "--config", "--client-rate", "--total-rate", "--oldest-week", "--today")).noPositional();
        String listen = args.option("--listen").orElse(DEFAULT_LISTEN);
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw new UsageException("--listen needs HOST:PORT, not '" + listen + "'");
        }
        String host = listen.substring(0, colon).replaceAll("^\\[|]$", "");
        int port = number(listen.substring(colon + 1), "--listen port", 0, 65535);
        CollectorSettings settings = CollectorSettings.defaults(host, port, config(args.option("--config")));
        int clientRate = args.positiveInt("--client-rate").orElse((int) settings.clientRate());
        settings = settings.withRates(clientRate, clientRate * 10.0,
                args.positiveInt("--total-rate").orElse((int) settings.totalRate()));
        settings = settings.withOldestWeekDays(args.positiveInt("--oldest-week").orElse(settings.oldestWeekDays()));
        if (args.option("--today").isPresent()) {
            settings = settings.withClock(today(args.option("--today").get()));
        }
        ObjectStore objects;
        try {
            objects = storage(args);
        } catch (StorageException e) {
            err.println("crashwatch collector: " + e.getMessage());
            return 1;
        }
        CollectorServer server = new CollectorServer(settings, new ReportArchive(objects));
        try {
            server.start();
        } catch (IOException e) {
            err.println("crashwatch collector: cannot listen on " + listen + ": " + e.getMessage());
            objects.close();
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
            objects.close();
        }, "collector-stop"));
        out.println("crashwatch collector: listening on http://" + (host.contains(":") ? "[" + host + "]" : host)
                + ":" + server.port() + " (storage " + objects.describe() + "); Ctrl-C stops it");
        out.flush();
        server.join();
        return 0;
    }

    private static ObjectStore storage(CommandArgs args) throws UsageException, StorageException {
        Optional<String> dir = args.option("--dir");
        Optional<String> s3 = args.option("--s3");
        if (dir.isPresent() == s3.isPresent()) {
            throw new UsageException("give exactly one of --dir DIR and --s3 s3://BUCKET/PREFIX");
        }
        if (dir.isPresent()) {
            if (args.option("--s3-endpoint").isPresent()) {
                throw new UsageException("--s3-endpoint goes with --s3");
            }
            return new FolderStore(Path.of(dir.get()));
        }
        try {
            URI location = new URI(s3.get());
            Optional<URI> endpoint = args.option("--s3-endpoint").map(URI::create);
            return S3Store.open(location, endpoint);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new UsageException("--s3 needs s3://BUCKET/PREFIX and --s3-endpoint a URL: " + e.getMessage());
        }
    }

    private static UploadConfig config(Optional<String> file) throws UsageException, IOException {
        if (file.isEmpty()) {
            return UploadConfig.allowAll();
        }
        try {
            return UploadConfigJson.read(Files.readAllBytes(Path.of(file.get())));
        } catch (UploadConfigException e) {
            throw new UsageException("--config " + file.get() + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            throw new UsageException("--config " + file.get() + ": no such file");
        }
    }

    /** The UTC clock moved by whole days so that its date is {@code day}: {@code --today}, for tests. */
    static Clock today(String day) throws UsageException {
        try {
            long days = ChronoUnit.DAYS.between(LocalDate.now(ZoneOffset.UTC), LocalDate.parse(day));
            return Clock.offset(Clock.systemUTC(), Duration.ofDays(days));
        } catch (DateTimeParseException e) {
            throw new UsageException("--today needs a date YYYY-MM-DD, not '" + day + "'");
        }
    }

    private static int number(String text, String what, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(what + " must be a number " + min + ".." + max + ", not '" + text + "'");
    }
}
