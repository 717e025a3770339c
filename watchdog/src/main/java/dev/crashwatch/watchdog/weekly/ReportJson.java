package dev.crashwatch.watchdog.weekly;

import dev.crashwatch.watchdog.store.ReportIds;
import dev.crashwatch.watchdog.store.counters.Counts;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and strictly reads the report JSON ({@code docs/report-format.md}). Reading rejects anything that is not
 * exactly a v1 report (unknown fields included), so a foreign or damaged file never reaches the store. It is also
 * strict JSON: a field named twice in one object (which readers resolve differently: one takes the first, another
 * the last) and anything but white space after the value are refused, by Jackson's own
 * {@link StreamReadFeature#STRICT_DUPLICATE_DETECTION} and {@link DeserializationFeature#FAIL_ON_TRAILING_TOKENS}.
 * This is the one rule for every reader of a report: {@code crashwatch import}, the collector and the fleet queries.
 */
public final class ReportJson {
    /** The largest report read: a week of one machine is kilobytes; more would only run the reader out of memory. */
    public static final int MAX_BYTES = 16 << 20;
    /** The most counters a report may hold, over all its entries. */
    public static final int MAX_COUNTERS = 100_000;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    /** How Jackson's {@link StreamReadFeature#STRICT_DUPLICATE_DETECTION} begins its message (pinned by a test). */
    private static final String DUPLICATE = "Duplicate field ";
    private static final List<String> TOP_FIELDS = List.of("format", "id", "week", "entries");
    private static final List<String> ENTRY_FIELDS =
            List.of("program", "version", "javaVersion", "os", "arch", "counters");

    private ReportJson() {
    }

    public static String write(Report report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", Report.FORMAT);
        root.put("id", report.id());
        root.put("week", report.week().toString());
        ArrayNode entries = root.putArray("entries");
        for (ReportEntry e : report.entries()) {
            ObjectNode node = entries.addObject();
            node.put("program", e.program());
            node.put("version", e.version());
            node.put("javaVersion", e.javaVersion());
            node.put("os", e.os());
            node.put("arch", e.arch());
            ObjectNode counters = node.putObject("counters");
            e.counters().forEach(counters::put);
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write a JSON tree", ex);
        }
    }

    public static Report read(byte[] bytes) throws ReportFormatException {
        JsonNode root;
        try {
            if (bytes.length > MAX_BYTES) {
                throw new ReportFormatException("larger than " + (MAX_BYTES >> 20) + " MiB: not a report crashwatch writes");
            }
            root = JSON.readTree(bytes);
        } catch (MismatchedInputException e) {
            // The one way reading a tree mismatches: FAIL_ON_TRAILING_TOKENS.
            throw new ReportFormatException("more after the report's JSON value: a file or body holds one report");
        } catch (JsonParseException e) {
            String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
            throw new ReportFormatException(message.startsWith(DUPLICATE)
                    ? "a field named twice in one object (" + duplicated(message.substring(DUPLICATE.length())) + ")"
                    : "not JSON (" + shorten(message) + ")");
        } catch (IOException e) {
            throw new ReportFormatException("not JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject() || !Report.FORMAT.equals(root.path("format").asText(null))) {
            throw new ReportFormatException("not a crashwatch report (no \"format\": \"" + Report.FORMAT + "\")");
        }
        onlyFields(root, TOP_FIELDS, "report");
        String id = text(root, "id");
        if (!ReportIds.FORMAT.matcher(id).matches()) {
            throw new ReportFormatException("bad report id '" + id + "'");
        }
        LocalDate week = week(text(root, "week"));
        List<ReportEntry> entries = new ArrayList<>();
        JsonNode list = root.get("entries");
        if (list == null || !list.isArray()) {
            throw new ReportFormatException("missing \"entries\" array");
        }
        long counters = 0;
        for (JsonNode e : list) {
            ReportEntry entry = entry(e);
            counters += entry.counters().size();
            if (counters > MAX_COUNTERS) {
                throw new ReportFormatException("more than " + MAX_COUNTERS + " counters: not a report crashwatch writes");
            }
            entries.add(entry);
        }
        return new Report(id, week, entries);
    }

    private static ReportEntry entry(JsonNode e) throws ReportFormatException {
        if (!e.isObject()) {
            throw new ReportFormatException("an entry is not an object");
        }
        onlyFields(e, ENTRY_FIELDS, "entry");
        JsonNode counters = e.get("counters");
        if (counters == null || !counters.isObject()) {
            throw new ReportFormatException("an entry has no \"counters\" object");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = counters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            JsonNode n = c.getValue();
            if (c.getKey().isEmpty() || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
                throw new ReportFormatException("bad counter: a name must be non-empty and a count a whole number >= 0");
            }
            if (n.asLong() > Counts.MAX_IMPORTED) {
                throw new ReportFormatException("absurd count " + n.asLong() + " (more than " + Counts.MAX_IMPORTED
                        + " in one week)");
            }
            counts.put(c.getKey(), n.asLong());
        }
        return new ReportEntry(text(e, "program"), text(e, "version"), text(e, "javaVersion"), text(e, "os"),
                text(e, "arch"), counts);
    }

    /**
     * The field named twice, as Jackson quotes it: a report field is named; any other name, a counter name perhaps,
     * is not repeated back (the collector's reply never quotes a counter name).
     */
    private static String duplicated(String quoted) {
        String name = quoted.length() >= 2 ? quoted.substring(1, quoted.length() - 1) : quoted;
        return TOP_FIELDS.contains(name) || ENTRY_FIELDS.contains(name) ? "'" + name + "'"
                : "a counter name or an unknown field, not quoted";
    }

    private static void onlyFields(JsonNode node, List<String> allowed, String what) throws ReportFormatException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new ReportFormatException("unknown " + what + " field '" + shorten(f) + "'");
            }
        }
    }

    private static String text(JsonNode node, String field) throws ReportFormatException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new ReportFormatException("missing or empty \"" + field + "\"");
        }
        return v.asText();
    }

    private static LocalDate week(String text) throws ReportFormatException {
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.getDayOfWeek() != DayOfWeek.MONDAY) {
                throw new ReportFormatException("week " + text + " is not a Monday");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new ReportFormatException("bad week '" + shorten(text) + "'");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : shorten(message.split("\n", 2)[0]);
    }

    /** At most 60 characters of hostile text, a control character shown as {@code ?}: a reason is one line. */
    private static String shorten(String s) {
        String cut = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
