package dev.crashwatch.fleet.query;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one compaction of a received day looked at: a digest of the day folder's file names, the folder's stamp when
 * they were listed ({@link FolderStamp}) and the file-system time just before, a digest of every earlier day's names
 * ({@link #chain}), the files it skipped with why, fingerprints of the files it counted ({@link CountedNames}) and
 * (last, for people) the counted files themselves, whose rows are in the Parquet file. Queries read only the head, up
 * to the fingerprints (read when a later day's names must be checked): the counted files are then the folder's names
 * less the skipped ones.
 *
 * <p>A compaction stands for its day without a listing while the folder's stamp is the one recorded, the stamp was
 * not racy, and the earlier days' names are still those it saw (the cross-day rule made its choices against them).
 * Otherwise the folder is listed: the compaction still stands if the names have the recorded digest and none of
 * the counted ones (and every one skipped as a second copy) is counted on an earlier day; else the day is read raw
 * until it is compacted anew. JSON, so any file name is written exactly.
 *
 * @param digest  SHA-256 of the day folder's sorted file names, each followed by a NUL
 * @param folder  the folder's stamp before the names were listed, if known
 * @param listed  the file system's time just before that stamp was taken, if known
 * @param earlier {@link #chain} of the earlier days when the names were listed
 */
public record Manifest(LocalDate day, String digest, List<String> counted, List<Skipped> skipped,
                       Optional<FolderStamp> folder, Optional<FileTime> listed, String earlier) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String FORMAT = "crashwatch-fleet-compaction/v3";
    /** The format before stamps; read (a listing then decides), never written. */
    private static final String FORMAT_V2 = "crashwatch-fleet-compaction/v2";
    /** {@link #chain} before the first day. */
    static final String NO_DAYS = "";

    /** What a query reads of a manifest: everything but the counted list. */
    record Head(LocalDate day, String digest, int files, List<Skipped> skipped, Optional<FolderStamp> folder,
                Optional<FileTime> listed, String earlier, Set<String> skippedNames) {
        Head {
            Set<String> names = new HashSet<>();
            skipped.forEach(s -> names.add(s.file().substring(s.file().lastIndexOf('/') + 1)));
            skippedNames = Set.copyOf(names);
        }

        /**
         * True when the day folder, now {@code now}, holds the names compacted without a listing: its stamp is the
         * one recorded and was not racy, and the earlier days ({@code earlierNow}, their {@link #chain}) are as then.
         */
        boolean trusts(Optional<FolderStamp> now, String earlierNow) {
            return folder.isPresent() && listed.isPresent() && folder.equals(now) && folder.get().clearlyBefore(listed.get())
                && earlier.equals(earlierNow);
        }

        /**
         * The files counted, when the day folder holds exactly the files compacted ({@code dayNames}, sorted), none
         * of them was counted on an earlier day, and every one skipped as a second copy still is a copy; else empty:
         * the day must be read raw.
         */
        Optional<List<String>> counted(List<String> dayNames, CountedNames countedEarlier) {
            if (!digest.equals(Manifest.digest(dayNames))) {
                return Optional.empty();
            }
            List<String> counted = dayNames.stream().filter(n -> !skippedNames.contains(n)).toList();
            boolean copiesStill = skipped.stream().filter(s -> s.reason().equals(DayFiles.SECOND_COPY))
                .allMatch(s -> countedEarlier.contains(s.file().substring(s.file().lastIndexOf('/') + 1)));
            return copiesStill && !countedEarlier.containsAny(counted) ? Optional.of(counted) : Optional.empty();
        }
    }

    /** The manifest of a day whose folder held {@code dayNames} (sorted), not yet {@link #stamped}. */
    static Manifest of(LocalDate day, List<String> dayNames, List<String> counted, List<Skipped> skipped) {
        return new Manifest(day, digest(dayNames), counted, skipped, Optional.empty(), Optional.empty(), NO_DAYS);
    }

    /** This manifest with what the listing of its folder saw: the folder's stamp, the time, the earlier days. */
    Manifest stamped(Optional<FolderStamp> now, Optional<FileTime> listedNow, String earlierNow) {
        return new Manifest(day, digest, counted, skipped, now, listedNow, earlierNow);
    }

    static String digest(List<String> sortedNames) {
        MessageDigest sha = sha256();
        for (String n : sortedNames) {
            sha.update(n.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The digest of the days up to {@code day}, given that of the days before it and {@code day}'s names' digest. */
    static String chain(String before, LocalDate day, String dayDigest) {
        return HexFormat.of().formatHex(sha256().digest((before + "\n" + day + "\n" + dayDigest)
            .getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    byte[] toBytes() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("day", day.toString());
        root.put("files", counted.size() + skipped.size());
        root.put("digest", digest);
        folder.ifPresent(f -> {
            ObjectNode o = root.putObject("folder");
            o.put("modified", f.modified().toString());
            f.changed().ifPresent(c -> o.put("changed", c.toString()));
            o.put("key", f.key());
        });
        listed.ifPresent(l -> root.put("listed", l.toString()));
        root.put("earlier", earlier);
        ArrayNode s = root.putArray("skipped");
        for (Skipped k : skipped) {
            s.addObject().put("file", k.file()).put("reason", k.reason());
        }
        root.put("fingerprints", CountedNames.fingerprints(counted));
        ArrayNode c = root.putArray("counted");
        counted.forEach(c::add);
        return JSON.writeValueAsBytes(root);
    }

    /** How much of a manifest to read. */
    private enum Part { HEAD, FINGERPRINTS, WHOLE }

    /** Reads a manifest's head, stopping where the fingerprints (then the counted list) start. */
    static Head readHead(Path file) throws IOException {
        return read(file, Part.HEAD).head;
    }

    /** Reads the fingerprints of a manifest's counted names (Base64), or null if it has none. */
    static String readFingerprints(Path file) throws IOException {
        return read(file, Part.FINGERPRINTS).fingerprints;
    }

    /** Reads a whole manifest. */
    static Manifest read(Path file) throws IOException {
        Read r = read(file, Part.WHOLE);
        Head h = r.head;
        return new Manifest(h.day(), h.digest(), r.counted, h.skipped(), h.folder(), h.listed(), h.earlier());
    }

    private record Read(Head head, String fingerprints, List<String> counted) {
    }

    private static Read read(Path file, Part part) throws IOException {
        String format = null;
        String day = null;
        String digest = null;
        int files = -1;
        Optional<FolderStamp> folder = Optional.empty();
        Optional<FileTime> listed = Optional.empty();
        String earlier = null;
        List<Skipped> skipped = new ArrayList<>();
        List<String> counted = new ArrayList<>();
        try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(file + ": not a compaction manifest");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "format" -> format = p.getValueAsString();
                    case "day" -> day = p.getValueAsString();
                    case "files" -> files = p.getValueAsInt(-1);
                    case "digest" -> digest = p.getValueAsString();
                    case "folder" -> folder = stamp(JSON.readTree(p));
                    case "listed" -> listed = time(p.getValueAsString());
                    case "earlier" -> earlier = p.getValueAsString();
                    case "fingerprints" -> {
                        if (part == Part.HEAD) {
                            return new Read(head(file, format, day, digest, files, skipped, folder, listed, earlier),
                                null, counted);
                        }
                        if (part == Part.FINGERPRINTS) {
                            return new Read(null, p.getValueAsString(), counted);
                        }
                    }
                    case "skipped" -> {
                        for (JsonNode n : (JsonNode) JSON.readTree(p)) {
                            skipped.add(new Skipped(n.path("file").asText(), n.path("reason").asText()));
                        }
                    }
                    case "counted" -> {
                        if (part != Part.WHOLE) {
                            return new Read(head(file, format, day, digest, files, skipped, folder, listed, earlier),
                                null, counted);
                        }
                        for (JsonNode n : (JsonNode) JSON.readTree(p)) {
                            counted.add(n.asText());
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
        return new Read(head(file, format, day, digest, files, skipped, folder, listed, earlier), null, counted);
    }

    private static Head head(Path file, String format, String day, String digest, int files, List<Skipped> skipped,
                             Optional<FolderStamp> folder, Optional<FileTime> listed, String earlier) throws IOException {
        if (!(FORMAT.equals(format) || FORMAT_V2.equals(format)) || day == null || digest == null) {
            throw new IOException(file + ": not a compaction manifest (" + FORMAT + ")");
        }
        try {
            return new Head(LocalDate.parse(day), digest, files, skipped, folder, listed, earlier == null ? "?" : earlier,
                Set.of());
        } catch (DateTimeParseException e) {
            throw new IOException(file + ": not a compaction manifest (" + e.getMessage() + ")");
        }
    }

    private static Optional<FolderStamp> stamp(JsonNode o) {
        Optional<FileTime> modified = time(o.path("modified").asText(null));
        return modified.map(m -> new FolderStamp(m, time(o.path("changed").asText(null)), o.path("key").asText("")));
    }

    private static Optional<FileTime> time(String iso) {
        try {
            return iso == null ? Optional.empty() : Optional.of(FileTime.from(Instant.parse(iso)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
