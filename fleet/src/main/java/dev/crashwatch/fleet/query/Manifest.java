package dev.crashwatch.fleet.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one compaction of a received day looked at: every file of the day folder, the ones it counted (their rows
 * are in the Parquet file) and the ones it skipped with why. A compaction stands for its day only while the day
 * folder still holds exactly these files; a file added since (a late arrival) makes the day raw again until it is
 * compacted anew. JSON, so any file name is written exactly.
 */
public record Manifest(LocalDate day, List<String> counted, List<Skipped> skipped) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String FORMAT = "crashwatch-fleet-compaction/v1";

    /** Every file name the compaction looked at. */
    Set<String> names() {
        Set<String> names = new TreeSet<>(counted);
        skipped.forEach(s -> names.add(s.file().substring(s.file().lastIndexOf('/') + 1)));
        return names;
    }

    /** True when the day folder holds exactly these files and none it counted was counted on an earlier day. */
    boolean stillCovers(List<String> dayNames, Set<String> countedEarlier) {
        return names().equals(new TreeSet<>(dayNames)) && counted.stream().noneMatch(countedEarlier::contains);
    }

    byte[] toBytes() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("day", day.toString());
        ArrayNode c = root.putArray("counted");
        counted.forEach(c::add);
        ArrayNode s = root.putArray("skipped");
        for (Skipped k : skipped) {
            s.addObject().put("file", k.file()).put("reason", k.reason());
        }
        return JSON.writeValueAsBytes(root);
    }

    static Manifest read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(file + ": not a compaction manifest");
        }
        List<String> counted = new ArrayList<>();
        root.path("counted").forEach(n -> counted.add(n.asText()));
        List<Skipped> skipped = new ArrayList<>();
        root.path("skipped").forEach(n -> skipped.add(new Skipped(n.path("file").asText(), n.path("reason").asText())));
        return new Manifest(LocalDate.parse(root.path("day").asText()), counted, skipped);
    }
}
