package dev.crashwatch.watchdog.uploads;

import dev.crashwatch.watchdog.store.CollectorUrl;
import dev.crashwatch.watchdog.store.Mode;
import dev.crashwatch.watchdog.store.ModeSetting;
import dev.crashwatch.watchdog.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code crashwatch status} says about uploads ({@code docs/upload.md}): the mode, the collector and where it
 * comes from, how many reports are in each state, the last upload run and the day the next one is due. Read from
 * the store alone (the mode file, {@code reports/}), so the local half shows it without the fleet's code.
 *
 * @param mode            the effective mode; only {@code on} uploads
 * @param collector       the collector URL in use, if any
 * @param collectorSource {@code CRASHWATCH_COLLECTOR} or {@code mode file}
 * @param reports         the reports in each state (every state present, 0 when none)
 * @param last            the last upload run that got past consent, if recorded
 * @param lastStarted     the UTC day the watchdog last started an upload by itself
 * @param next            when the next upload is due, and why
 */
public record UploadStatus(Mode mode, Optional<String> collector, String collectorSource,
                           Map<ReportState, Integer> reports, Optional<LastUpload> last,
                           Optional<LocalDate> lastStarted, Next next) {
    /** {@code reports/upload-started}: the UTC day the watchdog last started an upload after a crash. */
    public static final String STARTED_FILE = "upload-started";

    /**
     * When the next upload is due.
     *
     * @param day empty when none will run (not mode on, no consent, no collector)
     * @param why one line: what makes it due then, or why none will run
     */
    public record Next(Optional<LocalDate> day, String why) {
    }

    public UploadStatus {
        reports = Map.copyOf(reports);
    }

    /**
     * The status of {@code store}'s uploads on {@code today} (UTC); {@code env} gives {@code CRASHWATCH_COLLECTOR} and
     * the grace period ({@link UploadGrace}), as the uploader reads them.
     */
    public static UploadStatus of(Store store, Function<String, String> env, LocalDate today) throws IOException {
        ModeSetting mode = store.modeSetting();
        ModeSetting stored = store.storedModeSetting();
        String fromEnv = env.apply(CollectorUrl.ENV);
        boolean envCollector = fromEnv != null && !fromEnv.isBlank();
        Optional<String> collector = envCollector ? Optional.of(fromEnv.strip()) : stored.collector();
        Path root = store.reportsDir();
        Map<ReportState, Integer> reports = new EnumMap<>(ReportState.class);
        for (ReportState state : ReportState.values()) {
            reports.put(state, Files.isSymbolicLink(root) ? 0 : count(root.resolve(state.word())));
        }
        Optional<LastUpload> last = Files.isSymbolicLink(root) ? Optional.empty() : LastUpload.read(root);
        Optional<LocalDate> started = Files.isSymbolicLink(root) ? Optional.empty() : started(root);
        Next next = next(mode, stored, collector, env, reports.get(ReportState.PENDING), last, started, today);
        return new UploadStatus(mode.mode(), collector, envCollector ? CollectorUrl.ENV : "mode file", reports, last,
                started, next);
    }

    /**
     * Today as the uploader takes it under {@code env} ({@link UploadDay}); the UTC date when that setting cannot be
     * used, which the status's next-upload line then says.
     */
    public static LocalDate today(Function<String, String> env) {
        try {
            return UploadDay.today(env);
        } catch (IllegalArgumentException refused) {
            return LocalDate.now(ZoneOffset.UTC);
        }
    }

    private static Next next(ModeSetting mode, ModeSetting stored, Optional<String> collector,
                             Function<String, String> env, int pending, Optional<LastUpload> last,
                             Optional<LocalDate> started, LocalDate today) {
        if (mode.mode() != Mode.ON) {
            return new Next(Optional.empty(), "none: mode is " + mode.mode().word() + ", nothing is sent");
        }
        if (stored.mode() != Mode.ON || stored.asOf().isEmpty()) {
            return new Next(Optional.empty(), "none: mode on comes from " + mode.source()
                    + ", not the mode file ('crashwatch mode on' is the consent)");
        }
        if (collector.isEmpty()) {
            return new Next(Optional.empty(), "none: no collector set ('crashwatch mode on --collector URL')");
        }
        int graceDays;
        try {
            graceDays = UploadGrace.days(env);
            UploadDay.today(env);
        } catch (IllegalArgumentException e) {
            return new Next(Optional.empty(), "none: " + e.getMessage() + " ('crashwatch upload' refuses it)");
        }
        LocalDate firstDay = stored.asOf().get().plusDays(graceDays);
        if (today.isBefore(firstDay)) {
            return new Next(Optional.of(firstDay), "the grace period after mode on (" + stored.asOf().get() + ") ends");
        }
        LocalDate earliest = started.filter(today::equals).isPresent() ? today.plusDays(1) : today;
        if (pending > 0) {
            return new Next(Optional.of(earliest), pending + " pending " + (pending == 1 ? "report waits" : "reports wait"));
        }
        if (last.isEmpty()) {
            return new Next(Optional.of(earliest), "no upload has run yet");
        }
        if (last.get().status().equals("gave-up")) {
            return new Next(Optional.of(earliest), "the last upload gave up for its day");
        }
        LocalDate weekEnds = last.get().at().atZone(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate day = weekEnds.isBefore(earliest) ? earliest : weekEnds;
        return new Next(Optional.of(day), "the week of " + weekEnds.minusWeeks(1) + " ends on " + weekEnds);
    }

    private static int count(Path stateDir) throws IOException {
        int n = 0;
        for (Path file : ReportFiles.jsonFiles(stateDir)) {
            n += ReportFiles.report(file).isPresent() ? 1 : 0;
        }
        return n;
    }

    private static Optional<LocalDate> started(Path root) {
        Path file = root.resolve(STARTED_FILE);
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    ? Optional.of(LocalDate.parse(new String(ReportFiles.bytes(file), StandardCharsets.UTF_8).strip()))
                    : Optional.empty();
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
