package dev.crashwatch.watchdog.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a counter file ({@link CounterFileReader} reads it): pretty-printed JSON with a format field, the key, and the counters as a list
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
}
