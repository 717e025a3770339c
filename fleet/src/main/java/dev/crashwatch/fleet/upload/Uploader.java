package dev.crashwatch.fleet.upload;

import dev.crashwatch.fleet.config.UploadConfig;
import dev.crashwatch.watchdog.store.Mode;
import dev.crashwatch.watchdog.store.ModeSetting;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.store.files.AtomicFiles;
import dev.crashwatch.watchdog.uploads.LastUpload;
import dev.crashwatch.watchdog.uploads.ReportFiles;
import dev.crashwatch.watchdog.uploads.ReportState;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One upload run ({@code crashwatch upload}; {@code docs/upload.md}): checks consent, the collector and the grace
 * period, takes the store's upload lock, fetches the upload config, makes the report of each week that may be
 * reported and has none yet (written to {@code reports/pending/} first), then sends every pending report, oldest
 * week first. A 2xx moves it to {@code uploaded/}, a 4xx to {@code rejected/} with the reason; when the collector
 * cannot take reports, the run gives up for the day and the rest stay pending.
 */
public final class Uploader {
    /** Counter names the privacy check kept on this machine, in total: {@code reports/refused-names}. */
    static final String REFUSED_NAMES = "refused-names";

    private final Store store;
    private final UploadSettings settings;
    private final Consumer<UploadStep> progress;
    private final List<UploadStep> steps = new ArrayList<>();

    public Uploader(Store store, UploadSettings settings, Consumer<UploadStep> progress) {
        this.store = store;
        this.settings = settings;
        this.progress = progress;
    }

    public UploadResult run() throws IOException, InterruptedException {
        ModeSetting mode = store.modeSetting();
        if (mode.mode() != Mode.ON) {
            return UploadResult.stopped("not-on", "mode is " + mode.mode().word() + ": nothing is sent"
                    + " ('crashwatch mode on --collector URL' allows uploads)");
        }
        ModeSetting consent = store.storedModeSetting();
        if (consent.mode() != Mode.ON || consent.asOf().isEmpty()) {
            return UploadResult.stopped("no-consent", "mode on comes from " + mode.source() + ", not from the store's mode"
                    + " file: uploads need 'crashwatch mode on', whose day starts the grace period");
        }
        if (settings.collector().isEmpty()) {
            return UploadResult.stopped("no-collector", "no collector set: 'crashwatch mode on --collector URL'"
                    + " or CRASHWATCH_COLLECTOR");
        }
        UploadCalendar calendar = new UploadCalendar(consent.asOf().get(), settings.today(), settings.graceDays());
        if (calendar.inGracePeriod()) {
            return UploadResult.stopped("grace", "grace period: mode on since " + calendar.consentDay()
                    + ", uploads start on " + calendar.firstUploadDay());
        }
        ReportShelf shelf = ReportShelf.of(store);
        Optional<UploadLock> lock = UploadLock.tryTake(shelf.rootFolder());
        if (lock.isEmpty()) {
            return UploadResult.stopped("busy", "another upload of this store is running");
        }
        try (UploadLock held = lock.get()) {
            return recorded(shelf, runLocked(shelf, calendar, new CollectorClient(settings.collector().get())));
        }
    }

    /**
     * Keeps how a run that held the lock ended in {@code reports/last-upload}, for {@code crashwatch status}; a run
     * stopped before (not on, grace, busy) writes nothing: the grace period leaves the store as it was.
     */
    private static UploadResult recorded(ReportShelf shelf, UploadResult result) throws IOException {
        new LastUpload(Instant.now(), result.status(), result.message()).write(shelf.rootFolder());
        return result;
    }

    private UploadResult runLocked(ReportShelf shelf, UploadCalendar calendar, CollectorClient client)
            throws IOException, InterruptedException {
        Retrying retrying = new Retrying(new Backoff(settings.firstPause()));
        List<String> notes = new ArrayList<>();
        Set<LocalDate> toMake = weeksToMake(shelf, calendar);
        String noConfig = null;
        if (!toMake.isEmpty()) {
            ConfigSource.Found found = ConfigSource.fetch(client, retrying, shelf.root());
            if (found.config().isEmpty()) {
                noConfig = found.note() + ": the reports of " + toMake.size() + " week(s) are not made yet";
            } else {
                if (!found.note().isEmpty()) {
                    notes.add(found.note());
                }
                for (LocalDate week : toMake) {
                    make(shelf, week, found.config().get());
                }
            }
        }
        String gaveUp = null;
        for (StoredReport pending : shelf.in(ReportState.PENDING)) {
            if (gaveUp != null) {
                step(pending, "not sent: " + gaveUp);
            } else if (calendar.tooOld(pending.report().week())) {
                step(shelf.move(pending, ReportState.SKIPPED, "not sent: " + UploadCalendar.TOO_OLD), "");
            } else {
                gaveUp = send(shelf, pending, client, retrying);
            }
        }
        if (gaveUp != null || noConfig != null) {
            return new UploadResult("gave-up", "gave up for today: " + (gaveUp != null ? gaveUp
                    + "; pending reports are sent by the next upload" : noConfig), steps);
        }
        notes.add(0, steps.isEmpty() ? "nothing to upload" : "done");
        return new UploadResult("done", String.join("; ", notes), steps);
    }

    /** The weeks with counters that may be reported today and have no report in any state yet. */
    private Set<LocalDate> weeksToMake(ReportShelf shelf, UploadCalendar calendar) throws IOException {
        Set<LocalDate> done = shelf.all().stream().map(r -> r.report().week()).collect(Collectors.toSet());
        Set<LocalDate> weeks = new TreeSet<>();
        for (CounterFile f : store.counterFiles()) {
            LocalDate week = f.key().weekStart();
            if (!done.contains(week) && calendar.whyNot(week) == null) {
                weeks.add(week);
            }
        }
        return weeks;
    }

    private void make(ReportShelf shelf, LocalDate week, UploadConfig config) throws IOException {
        ReportMaker.Made made = ReportMaker.make(store, week, config);
        if (made.refusedNames() > 0) {
            countRefused(shelf.root(), made.refusedNames());
        }
        byte[] bytes = ReportJson.write(made.report()).getBytes(StandardCharsets.UTF_8);
        if (made.skipReason() != null) {
            step(shelf.addSkipped(made.report(), bytes, made.skipReason()), made.skipReason());
        } else {
            shelf.addPending(made.report(), bytes);
        }
    }

    /** Sends one pending report; returns why the run must give up, or null. */
    private String send(ReportShelf shelf, StoredReport pending, CollectorClient client, Retrying retrying)
            throws IOException, InterruptedException {
        byte[] bytes = ReportFiles.bytes(pending.file());
        Retrying.Outcome<CollectorReply> sent = retrying.call(() -> client.send(pending.id(), bytes), r -> r);
        Optional<CollectorReply> reply = sent.value();
        if (reply.isPresent() && reply.get().ok()) {
            step(shelf.move(pending, ReportState.UPLOADED, reply.get().describe()), summary(pending));
            return null;
        }
        if (reply.isPresent() && reply.get().refused()) {
            StoredReport rejected = shelf.move(pending, ReportState.REJECTED, reply.get().describe());
            step(rejected, reply.get().describe());
            return null;
        }
        String why = sent.problem().isEmpty() ? reply.map(CollectorReply::describe).orElse("no answer") : sent.problem();
        step(pending, "not sent: " + why);
        return why;
    }

    private static String summary(StoredReport r) {
        int entries = r.report().entries().size();
        return "(" + entries + (entries == 1 ? " entry, " : " entries, ") + r.crashes()
                + (r.crashes() == 1 ? " crash)" : " crashes)");
    }

    private void step(StoredReport report, String what) {
        UploadStep step = new UploadStep(report, what);
        steps.add(step);
        progress.accept(step);
    }

    /** Adds to {@code reports/refused-names}, a plain number a person can read; written under the upload lock. */
    private static void countRefused(Path reportsDir, int refused) throws IOException {
        Path file = reportsDir.resolve(REFUSED_NAMES);
        long before = 0;
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                before = Long.parseLong(new String(ReportFiles.bytes(file), StandardCharsets.UTF_8).strip());
            } catch (NumberFormatException e) {
                before = 0;
            }
        }
        AtomicFiles.replace(file, ((before + refused) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
