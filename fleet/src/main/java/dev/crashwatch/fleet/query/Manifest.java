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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one compaction of a received day looked at: a digest of the day folder's file names, the files it skipped
 * with why, and (last, for people) the files it counted, whose rows are in the Parquet file. A compaction stands for
 * its day only while the folder's names still have that digest; a file added since (a late arrival) makes the day
 * raw again until it is compacted anew. Queries read only the head, up to the counted list: the counted files are
 * then the folder's names less the skipped ones. JSON, so any file name is written exactly.
 *
 * @param digest SHA-256 of the day folder's sorted file names, each followed by a NUL
 */
public record Manifest(LocalDate day, String digest, List<String> counted, List<Skipped> skipped) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String FORMAT = "crashwatch-fleet-compaction/v2";

    /** What a query reads of a manifest: everything but the counted list. */
    record Head(LocalDate day, String digest, List<Skipped> skipped) {
        /**
         * The files counted, when the day folder holds exactly the files compacted ({@code dayNames}, sorted) and
         * none of them was counted on an earlier day; else empty: the day must be read raw.
         */
        Optional<List<String>> counted(List<String> dayNames, Set<String> countedEarlier) {
            if (!digest.equals(Manifest.digest(dayNames))) {
                return Optional.empty();
            }
            Set<String> skippedNames = new HashSet<>();
            skipped.forEach(s -> skippedNames.add(s.file().substring(s.file().lastIndexOf('/') + 1)));
            List<String> counted = dayNames.stream().filter(n -> !skippedNames.contains(n)).toList();
            return counted.stream().anyMatch(countedEarlier::contains) ? Optional.empty() : Optional.of(counted);
        }
    }

    /** The manifest of a day whose folder holds {@code dayNames} (sorted). */
    static Manifest of(LocalDate day, List<String> dayNames, List<String> counted, List<Skipped> skipped) {
        return new Manifest(day, digest(dayNames), counted, skipped);
    }

    static String digest(List<String> sortedNames) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String n : sortedNames) {
                sha.update(n.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
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
        ArrayNode s = root.putArray("skipped");
        for (Skipped k : skipped) {
            s.addObject().put("file", k.file()).put("reason", k.reason());
        }
        ArrayNode c = root.putArray("counted");
        counted.forEach(c::add);
        return JSON.writeValueAsBytes(root);
    }

    /** Reads a manifest's head, stopping where the counted list starts. */
    static Head readHead(Path file) throws IOException {
        String format = null;
        String day = null;
        String digest = null;
        List<Skipped> skipped = new ArrayList<>();
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
                    case "digest" -> digest = p.getValueAsString();
                    case "skipped" -> {
                        for (JsonNode n : (JsonNode) JSON.readTree(p)) {
                            skipped.add(new Skipped(n.path("file").asText(), n.path("reason").asText()));
                        }
                    }
                    case "counted" -> {
                        return head(file, format, day, digest, skipped);
                    }
                    default -> p.skipChildren();
                }
            }
        }
        return head(file, format, day, digest, skipped);
    }

    private static Head head(Path file, String format, String day, String digest, List<Skipped> skipped)
            throws IOException {
        if (!FORMAT.equals(format) || day == null || digest == null) {
            throw new IOException(file + ": not a compaction manifest (" + FORMAT + ")");
        }
        return new Head(LocalDate.parse(day), digest, skipped);
    }
}
