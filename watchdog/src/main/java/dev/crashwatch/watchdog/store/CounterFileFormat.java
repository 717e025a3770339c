package dev.crashwatch.watchdog.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes a counter file: pretty-printed JSON with a format field, the key, and the counters as a list
 * of {@code {count, name}} where the name is an array of its lines, so a stack reads one frame per line. The
 * most frequent counter comes first. Example and field list: {@code docs/store.md}.
 */
final class CounterFileFormat {
    /** The value of the {@code format} field; a file with any other value is not read. */
    static final String FORMAT = "crashwatch-counters/v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private CounterFileFormat() {
    }

    static byte[] write(CounterFileContent content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        CounterFileKey k = content.key();
        root.put("program", k.program());
        root.put("version", k.version());
        root.put("javaVersion", k.javaVersion());
        root.put("os", k.os());
        root.put("arch", k.arch());
        root.put("weekStart", k.weekStart().toString());
        ArrayNode counters = root.putArray("counters");
        sortedByCount(content.counters()).forEach(e -> {
            ObjectNode c = counters.addObject();
            c.put("count", e.getValue());
            lines(c.putArray("name"), e.getKey());
        });
        content.last().ifPresent(last -> {
            ObjectNode node = root.putObject("lastRecorded");
            node.put("at", last.at().toString());
            lines(node.putArray("name"), last.name());
        });
        if (!content.imports().isEmpty()) {
            ArrayNode imports = root.putArray("importedReports");
            content.imports().forEach(imports::add);
        }
        try {
            return (PRETTY.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** Parses a counter file; throws {@link IOException} for anything that is not a valid v1 counter file. */
    static CounterFileContent read(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw new IOException("not a " + FORMAT + " file");
        }
        CounterFileKey key = new CounterFileKey(text(root, "program"), text(root, "version"),
                text(root, "javaVersion"), text(root, "os"), text(root, "arch"), day(root, "weekStart"));
        Map<String, Long> counters = new LinkedHashMap<>();
        for (JsonNode c : array(root, "counters")) {
            JsonNode count = c.path("count");
            if (!count.canConvertToLong() || !count.isIntegralNumber() || count.asLong() < 0) {
                throw new IOException("bad count: " + count);
            }
            counters.merge(name(c), count.asLong(), Math::addExact);
        }
        Set<String> imports = new LinkedHashSet<>();
        if (root.has("importedReports")) {
            for (JsonNode id : array(root, "importedReports")) {
                imports.add(id.asText());
            }
        }
        return new CounterFileContent(key, counters, imports, last(root));
    }

    private static Optional<LastRecorded> last(JsonNode root) throws IOException {
        JsonNode node = root.get("lastRecorded");
        if (node == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LastRecorded(name(node), Instant.parse(text(node, "at"))));
        } catch (DateTimeParseException e) {
            throw new IOException("bad lastRecorded time");
        }
    }

    private static void lines(ArrayNode array, String name) {
        for (String line : name.split("\n", -1)) {
            array.add(line);
        }
    }

    private static List<Map.Entry<String, Long>> sortedByCount(Map<String, Long> counters) {
        List<Map.Entry<String, Long>> list = new ArrayList<>(counters.entrySet());
        list.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return list;
    }

    private static String name(JsonNode counter) throws IOException {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : array(counter, "name")) {
            if (!line.isTextual()) {
                throw new IOException("a counter name line is not text");
            }
            lines.add(line.asText());
        }
        if (lines.isEmpty()) {
            throw new IOException("empty counter name");
        }
        return String.join("\n", lines);
    }

    private static ArrayNode array(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new IOException("missing array '" + field + "'");
        }
        return (ArrayNode) value;
    }

    private static String text(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("missing text '" + field + "'");
        }
        return value.asText();
    }

    private static LocalDate day(JsonNode node, String field) throws IOException {
        try {
            return LocalDate.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw new IOException("bad date '" + field + "'");
        }
    }
}
