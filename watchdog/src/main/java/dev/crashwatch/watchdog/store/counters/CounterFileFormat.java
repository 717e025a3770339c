package dev.crashwatch.watchdog.store.counters;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes a counter file ({@link CounterFileReader} reads it): pretty-printed JSON with a format field, the key, and the counters as a list
 * of {@code {count, name}} where the name is an array of its lines, so a stack reads one frame per line. The
 * most frequent counter comes first. Example and field list: {@code docs/store.md}.
 *
 * <p>Written with jackson's streaming generator, not a tree and an ObjectMapper: this runs on a crash's way to
 * its counter, often as the first JSON a watchdog writes, and databind's start-up costs tens of milliseconds
 * there (docs/benchmarks.md, "Crash to counter"). No lambdas either, for the same reason.
 */
final class CounterFileFormat {
    /** The value of the {@code format} field; a file with any other value is not read. */
    static final String FORMAT = "crashwatch-counters/v1";
    private static final JsonFactory JSON = new JsonFactory();
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

    private CounterFileFormat() {
    }

    static byte[] write(CounterFileContent content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(INDENT).withArrayIndenter(INDENT));
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            CounterFileKeyJson.writeFields(g, content.key());
            g.writeArrayFieldStart("counters");
            for (Map.Entry<String, Long> e : sortedByCount(content.counters())) {
                g.writeStartObject();
                g.writeNumberField("count", e.getValue());
                lines(g, "name", e.getKey());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (content.last().isPresent()) {
                LastRecorded last = content.last().get();
                g.writeObjectFieldStart("lastRecorded");
                g.writeStringField("at", IsoText.text(last.at()));
                lines(g, "name", last.name());
                g.writeEndObject();
            }
            if (!content.imports().isEmpty()) {
                g.writeArrayFieldStart("importedReports");
                for (String id : content.imports()) {
                    g.writeString(id);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to memory", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static void lines(JsonGenerator g, String field, String name) throws IOException {
        g.writeArrayFieldStart(field);
        int from = 0;
        while (true) {
            int nl = name.indexOf('\n', from);
            g.writeString(nl < 0 ? name.substring(from) : name.substring(from, nl));
            if (nl < 0) {
                break;
            }
            from = nl + 1;
        }
        g.writeEndArray();
    }

    private static List<Map.Entry<String, Long>> sortedByCount(Map<String, Long> counters) {
        List<Map.Entry<String, Long>> list = new ArrayList<>(counters.entrySet());
        list.sort(new MostFrequentFirst());
        return list;
    }

    /** Highest count first, then by name: a plain class, not comparator combinators (lambdas inside). */
    private static final class MostFrequentFirst implements Comparator<Map.Entry<String, Long>> {
        @Override
        public int compare(Map.Entry<String, Long> a, Map.Entry<String, Long> b) {
            int byCount = Long.compare(b.getValue(), a.getValue());
            return byCount != 0 ? byCount : a.getKey().compareTo(b.getKey());
        }
    }
}
