package dev.crashwatch.fleet.query;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The report file names counted on the days scanned so far: the cross-day rule (a report counts once, on the first
 * day that holds it) asks it about each name of a day that is checked. Days read raw or re-listed add their names
 * exactly; a compacted day trusted without a listing adds only its manifest's fingerprints of the names it counted
 * ({@link #fingerprints}, 8 bytes each), so that nothing is read for it unless a later day is checked; a name whose
 * fingerprint matches is confirmed by a look at that day's folder (the file is there and the day did not skip it).
 */
final class CountedNames {
    private final Set<String> exact = new HashSet<>();
    private final List<Trusted> trusted = new ArrayList<>();

    private static final class Trusted {
        final Path dir;
        final Manifest.Head head;
        final Path manifest;
        long[] fingerprints;

        Trusted(Path dir, Manifest.Head head, Path manifest) {
            this.dir = dir;
            this.head = head;
            this.manifest = manifest;
        }

        /** Exact: the day's names are those it compacted; the fingerprints only spare most looks at the folder. */
        boolean counted(String name, long fingerprint) {
            if (fingerprints == null) {
                fingerprints = decode(manifest, head.files() - head.skipped().size());
            }
            return (fingerprints.length == 0 || Arrays.binarySearch(fingerprints, fingerprint) >= 0)
                && !head.skippedNames().contains(name) && Files.isRegularFile(dir.resolve(name), LinkOption.NOFOLLOW_LINKS);
        }
    }

    boolean contains(String name) {
        if (exact.contains(name)) {
            return true;
        }
        if (trusted.isEmpty()) {
            return false;
        }
        long f = fingerprint(name);
        for (Trusted t : trusted) {
            if (t.counted(name, f)) {
                return true;
            }
        }
        return false;
    }

    boolean containsAny(Collection<String> names) {
        return names.stream().anyMatch(this::contains);
    }

    void add(String name) {
        exact.add(name);
    }

    void addAll(Collection<String> names) {
        exact.addAll(names);
    }

    /** A compacted day in {@code dir} trusted by its stamp: the names its {@code manifest} ({@code head}) counted. */
    void addTrusted(Path dir, Manifest.Head head, Path manifest) {
        trusted.add(new Trusted(dir, head, manifest));
    }

    /** The first 8 bytes of the name's SHA-256. */
    static long fingerprint(String name) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)))
                .getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The sorted fingerprints of {@code names}, as Base64 of 8 big-endian bytes each: what a manifest records. */
    static String fingerprints(Collection<String> names) {
        long[] all = names.stream().mapToLong(CountedNames::fingerprint).sorted().toArray();
        ByteBuffer bytes = ByteBuffer.allocate(all.length * Long.BYTES);
        for (long f : all) {
            bytes.putLong(f);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /**
     * The {@code count} fingerprints {@code manifest} records, sorted; none if they are damaged: no filter, every
     * name is then looked up in the folder.
     */
    private static long[] decode(Path manifest, int count) {
        ByteBuffer bytes;
        try {
            String base64 = Manifest.readFingerprints(manifest);
            bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64 == null ? "" : base64));
        } catch (IOException | IllegalArgumentException e) {
            return new long[0];
        }
        if (count <= 0 || bytes.remaining() != (long) count * Long.BYTES) {
            return new long[0];
        }
        long[] all = new long[count];
        for (int i = 0; i < all.length; i++) {
            all[i] = bytes.getLong();
        }
        Arrays.sort(all);
        return all;
    }
}
