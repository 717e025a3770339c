package dev.crashwatch.watchdog.store.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crashwatch.watchdog.store.StoreTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The streaming writer writes, byte for byte, what the earlier tree writer (ObjectMapper with the same pretty
 * printer) wrote: files already in stores and the documented format stay exactly as they were.
 */
class CounterFileFormatTest {
    @Test
    void streaming_output_is_the_tree_writers_output() throws Exception {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("crash/malformed", 1L);
        counters.put(StoreTest.NPE, 7L);
        counters.put("crash/crash\njava.lang.IllegalStateException\nk\u00e4se.\u65e5\u672c.Main.run:+2\n", 7L);
        counters.put("crash/crash\n\"quoted\\\"\tand\u0001control", Long.MAX_VALUE);
        LastRecorded last = new LastRecorded(StoreTest.NPE, Instant.parse("2026-11-23T17:20:00.123Z"));
        CounterFileContent content = new CounterFileContent(StoreTest.KEY, counters,
                new LinkedHashSet<>(List.of("r1/e1", "r2/e\u00e9")), Optional.of(last));
        assertEquals(treeWriter(content), new String(CounterFileFormat.write(content), StandardCharsets.UTF_8));

        CounterFileContent plain = CounterFileContent.empty(StoreTest.KEY).plus(Map.of("crash/malformed", 1L), "id");
        assertEquals(treeWriter(plain), new String(CounterFileFormat.write(plain), StandardCharsets.UTF_8));
        CounterFileContent empty = CounterFileContent.empty(StoreTest.KEY);
        assertEquals(treeWriter(empty), new String(CounterFileFormat.write(empty), StandardCharsets.UTF_8));
    }

    /** The writer as it was before it streamed. */
    private static String treeWriter(CounterFileContent content) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("format", CounterFileFormat.FORMAT);
        CounterFileKey k = content.key();
        root.put("program", k.program());
        root.put("version", k.version());
        root.put("javaVersion", k.javaVersion());
        root.put("os", k.os());
        root.put("arch", k.arch());
        root.put("weekStart", k.weekStart().toString());
        ArrayNode counters = root.putArray("counters");
        List<Map.Entry<String, Long>> sorted = new java.util.ArrayList<>(content.counters().entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Long> e : sorted) {
            ObjectNode c = counters.addObject();
            c.put("count", e.getValue());
            lines(c.putArray("name"), e.getKey());
        }
        if (content.last().isPresent()) {
            ObjectNode node = root.putObject("lastRecorded");
            node.put("at", content.last().get().at().toString());
            lines(node.putArray("name"), content.last().get().name());
        }
        if (!content.imports().isEmpty()) {
            ArrayNode imports = root.putArray("importedReports");
            content.imports().forEach(imports::add);
        }
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        return json.writer(new DefaultPrettyPrinter().withObjectIndenter(indent).withArrayIndenter(indent))
                .writeValueAsString(root) + "\n";
    }

    private static void lines(ArrayNode array, String name) {
        for (String line : name.split("\n", -1)) {
            array.add(line);
        }
    }
}
