package dev.crashwatch.fleet.storage;

import dev.crashwatch.watchdog.store.ReportIds;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The collector's reports, stored once each and never lost ({@code docs/fleet.md}, "Durability and idempotence").
 *
 * <p>Layout: {@code received=YYYY-MM-DD/<id>.json} holds a report as accepted (the UTC day it was accepted), and
 * {@code _collector/ids/<first two hex digits>/<id>} is its claim: the content's fingerprint and that day. Storing
 * puts the claim, then the report, in that order ({@link ObjectStore#putAll}: a crash leaves a prefix), and only
 * answers when both are durable: so a
 * collector killed between the two leaves a claim without a report, which the client's retry completes (on the
 * day of the retry, the claim moved with it), and never a report without a claim, which a retry on a later day would
 * store a second time. The same content under a claimed ID is a duplicate; other content is a conflict (which the
 * collector still answers as a duplicate when it cuts down to the report stored: {@link #stored}).
 *
 * <p>Within one process a lock per ID (striped) orders concurrent uploads of one report; several processes writing
 * one store are not ordered against each other (see {@code docs/fleet.md}, "Past one machine").
 */
public final class ReportArchive implements AutoCloseable {
    /** The folder (or key prefix) of every received report: {@code received=2026-12-03/}. */
    public static final String RECEIVED = "received=";
    static final String IDS = "_collector/ids/";
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    private final ObjectStore objects;
    private final ReentrantLock[] locks = new ReentrantLock[256];

    public ReportArchive(ObjectStore objects) {
        this.objects = objects;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The key of a report received on {@code day}. */
    public static String reportKey(LocalDate day, String id) {
        return RECEIVED + day + "/" + id + ".json";
    }

    /**
     * Stores {@code json} as report {@code id}, received {@code today}, unless that ID is taken.
     *
     * @param fingerprint 64 hex digits naming the report's content as sent (not as filtered), so a retry matches
     *                    even if the config changed in between
     */
    public StoreOutcome store(String id, String fingerprint, LocalDate today, byte[] json) throws StorageException {
        if (!ReportIds.FORMAT.matcher(id).matches() || !FINGERPRINT.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException("bad report id or fingerprint");
        }
        ReentrantLock lock = locks[Integer.parseInt(id.substring(0, 2), 16)];
        lock.lock();
        try {
            Optional<Claim> claim = claim(id);
            if (claim.isPresent() && !claim.get().fingerprint().equals(fingerprint)) {
                return StoreOutcome.CONFLICT;
            }
            if (claim.isPresent() && objects.exists(reportKey(claim.get().day(), id))) {
                return StoreOutcome.ALREADY_STORED;
            }
            objects.putAll(List.of(
                    new ObjectPut(claimKey(id), (fingerprint + " " + today + "\n").getBytes(StandardCharsets.US_ASCII)),
                    new ObjectPut(reportKey(today, id), json)));
            return StoreOutcome.STORED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The report stored under {@code id}, as stored (cut down to the config of its day); empty when the ID is not
     * claimed or its report is not written yet (a collector killed between the two). A stored report never changes.
     */
    public Optional<byte[]> stored(String id) throws StorageException {
        Optional<Claim> claim = claim(id);
        return claim.isEmpty() ? Optional.empty() : objects.get(reportKey(claim.get().day(), id));
    }

    private Optional<Claim> claim(String id) throws StorageException {
        Optional<byte[]> bytes = objects.get(claimKey(id));
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = new String(bytes.get(), StandardCharsets.US_ASCII).strip().split(" ");
        try {
            if (parts.length == 2 && FINGERPRINT.matcher(parts[0]).matches()) {
                return Optional.of(new Claim(parts[0], LocalDate.parse(parts[1])));
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new StorageException("damaged claim for " + id, null);
    }

    private static String claimKey(String id) {
        return IDS + id.substring(0, 2) + "/" + id;
    }

    /** The store underneath, for checks and tools. */
    public ObjectStore objects() {
        return objects;
    }

    @Override
    public void close() {
        objects.close();
    }

    private record Claim(String fingerprint, LocalDate day) {
    }
}
