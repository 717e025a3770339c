package dev.crashwatch.fleet.collector;

import dev.crashwatch.fleet.config.FilteredReport;
import dev.crashwatch.fleet.config.KeyFields;
import dev.crashwatch.fleet.config.ReportFilter;
import dev.crashwatch.fleet.config.UploadConfig;
import dev.crashwatch.fleet.storage.ReportArchive;
import dev.crashwatch.fleet.storage.StorageException;
import dev.crashwatch.fleet.storage.StoreOutcome;
import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportEntry;
import dev.crashwatch.watchdog.weekly.ReportFormatException;
import dev.crashwatch.watchdog.weekly.ReportJson;
import dev.crashwatch.watchdog.signature.NameGrammar;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * One uploaded report, from its bytes to a reply: read strictly ({@link ReportJson}), checked (week, counts, entry
 * keys, and every counter name against the privacy grammar: a second gate after the client's), cut down to the
 * upload config ({@link ReportFilter}), stored once ({@link ReportArchive}). Bad input is a 4xx with one line saying
 * why; a storage failure is a 503 and nothing is acknowledged before it is durable.
 */
final class ReportIntake {
    /** A count above this in one week is taken for garbage: a crash every 60 ms, all week. */
    static final long MAX_COUNT = 10_000_000L;
    /** Seconds a client waits after a 503. */
    static final long STORAGE_RETRY_SECONDS = 30;

    private final ReportArchive archive;
    private final UploadConfig config;
    private final int oldestWeekDays;
    private final Clock clock;
    private final CollectorMetrics metrics;

    ReportIntake(ReportArchive archive, UploadConfig config, int oldestWeekDays, Clock clock, CollectorMetrics metrics) {
        this.archive = archive;
        this.config = config;
        this.oldestWeekDays = oldestWeekDays;
        this.clock = clock;
        this.metrics = metrics;
    }

    Reply receive(byte[] body) {
        try {
            return store(checked(body));
        } catch (Rejection r) {
            metrics.rejected(r.reason());
            return r.reply();
        }
    }

    private Report checked(byte[] body) throws Rejection {
        Report report;
        try {
            report = ReportJson.read(body);
        } catch (ReportFormatException e) {
            throw new Rejection(RejectReason.INVALID, "invalid report: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new Rejection(RejectReason.INVALID, "invalid report");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate end = report.week().plusDays(7);
        if (end.isAfter(today.plusDays(1))) {
            // A client's clock ahead of ours: not the report's fault, so not refused for good.
            Instant taken = end.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            throw new Rejection(RejectReason.TOO_EARLY, "week " + report.week()
                    + " has not ended yet by the collector's clock; send it again after " + taken,
                    Math.max(1, Duration.between(clock.instant(), taken).toSeconds()));
        }
        if (end.isBefore(today.minusDays(oldestWeekDays))) {
            throw new Rejection(RejectReason.BAD_WEEK,
                    "week " + report.week() + " ended more than " + oldestWeekDays + " days ago");
        }
        for (ReportEntry e : report.entries()) {
            Optional<String> bad = KeyFields.violation(e);
            if (bad.isPresent()) {
                throw new Rejection(RejectReason.BAD_KEY, bad.get());
            }
            for (Map.Entry<String, Long> c : e.counters().entrySet()) {
                Optional<String> leak = NameGrammar.violation(c.getKey());
                if (leak.isPresent()) {
                    throw new Rejection(RejectReason.NOT_CRASH_NAME, "a counter name is not a crash name ("
                            + leak.get() + "): docs/signatures.md rule 1");
                }
                if (c.getValue() > MAX_COUNT) {
                    throw new Rejection(RejectReason.BAD_COUNT, "a count over " + MAX_COUNT + " in one week");
                }
            }
        }
        return report;
    }

    private Reply store(Report report) throws Rejection {
        FilteredReport filtered = ReportFilter.apply(config, report);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        byte[] canonical = ReportJson.write(report).getBytes(StandardCharsets.UTF_8);
        byte[] stored = filtered.dropped().isEmpty() ? canonical
                : ReportJson.write(filtered.kept()).getBytes(StandardCharsets.UTF_8);
        StoreOutcome outcome;
        try {
            outcome = archive.store(report.id(), fingerprint(canonical), today, stored);
            if (outcome == StoreOutcome.CONFLICT && storedAlready(filtered.kept())) {
                outcome = StoreOutcome.ALREADY_STORED;
            }
        } catch (StorageException e) {
            metrics.storageErrors.increment();
            return Reply.error(503, "storage unavailable, try again later", STORAGE_RETRY_SECONDS);
        }
        switch (outcome) {
            case CONFLICT:
                // One ID is one machine's week: its upload and a local export of it share the ID, and their bodies
                // may differ (the upload is cut down). The first accepted stays, whole; the other is not stored.
                throw new Rejection(RejectReason.CONFLICT, "report " + report.id() + " is already stored with other"
                        + " content: a week is one report, the copy stored first counts and this one is not stored");
            case ALREADY_STORED:
                metrics.duplicates.increment();
                return Reply.of(200, ReplyJson.accepted(report.id(), true, null, filtered.dropped()));
            default:
                metrics.accepted.increment();
                metrics.droppedParts.add(filtered.dropped().size());
                return Reply.of(201, ReplyJson.accepted(report.id(), false, today, filtered.dropped()));
        }
    }

    /**
     * Whether the report stored under this ID is {@code kept}, this body cut down to the config: another copy of the
     * same week's report, sent in another form (a local export of a week already uploaded, or the upload of a week
     * whose export came first), that would store nothing new. A stored report that does not read is not.
     */
    private boolean storedAlready(Report kept) throws StorageException {
        Optional<byte[]> stored = archive.stored(kept.id());
        try {
            return stored.isPresent() && ReportJson.read(stored.get()).equals(kept);
        } catch (ReportFormatException e) {
            return false;
        }
    }

    /**
     * The report as sent, in its one canonical form ({@link ReportJson#write}), hashed: a retry matches however it
     * was compressed or spaced.
     */
    private static String fingerprint(byte[] canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }
}
