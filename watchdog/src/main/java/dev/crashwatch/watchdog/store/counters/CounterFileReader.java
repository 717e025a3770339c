package dev.crashwatch.watchdog.store.counters;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a counter file ({@link CounterFileFormat}) with jackson's streaming parser: a store can hold hundreds of
 * megabytes of counters, so no tree is built, and equal counter names read from many files share one String.
 * Anything that is not a valid v1 counter file is an {@link IOException}; unknown fields are skipped.
 */
final class CounterFileReader {
    private static final JsonFactory JSON = new JsonFactory();
    private final Map<String, String> names;

    /** @param names shared by readers of one scan, so equal names are kept once (thread-safe) */
    CounterFileReader(ConcurrentHashMap<String, String> names) {
        this.names = names;
    }

    CounterFileReader() {
        this(new ConcurrentHashMap<>());
    }

    /** The counter file at {@code file}; empty when it cannot be read or is not a valid v1 counter file. */
    Optional<CounterFileContent> readFile(Path file) {
        try {
            return Optional.of(read(Files.readAllBytes(file)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    CounterFileContent read(byte[] bytes) throws IOException {
        try (JsonParser p = JSON.createParser(bytes)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            Map<String, String> fields = new HashMap<>();
            Map<String, Long> counters = null;
            Set<String> imports = new LinkedHashSet<>();
            Optional<LastRecorded> last = Optional.empty();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "counters" -> counters = counters(p, value);
                    case "importedReports" -> strings(p, value, imports);
                    case "lastRecorded" -> last = Optional.of(last(p, value));
                    default -> {
                        if (value == JsonToken.VALUE_STRING) {
                            fields.put(field, p.getText());
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            }
            if (!CounterFileFormat.FORMAT.equals(fields.get("format")) || counters == null) {
                throw new IOException("not a " + CounterFileFormat.FORMAT + " file");
            }
            CounterFileKey key = new CounterFileKey(required(fields, "program"), required(fields, "version"),
                    required(fields, "javaVersion"), required(fields, "os"), required(fields, "arch"),
                    day(required(fields, "weekStart")));
            return new CounterFileContent(key, counters, imports, last);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private Map<String, Long> counters(JsonParser p, JsonToken start) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        Map<String, Long> counters = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            long count = -1;
            String name = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("count") && value == JsonToken.VALUE_NUMBER_INT) {
                    count = p.getLongValue();
                } else if (field.equals("name")) {
                    name = name(p, value);
                } else {
                    p.skipChildren();
                }
            }
            if (count < 0 || name == null) {
                throw new IOException("a counter needs a count >= 0 and a name");
            }
            Long before = counters.get(name);
            counters.put(name, before == null ? count : Math.addExact(before, count));
        }
        expect(p.currentToken(), JsonToken.END_ARRAY);
        return counters;
    }

    private String name(JsonParser p, JsonToken start) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        StringBuilder name = new StringBuilder();
        boolean first = true;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
            if (!first) {
                name.append('\n');
            }
            first = false;
            name.append(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        expect(t, JsonToken.END_ARRAY);
        if (first) {
            throw new IOException("empty counter name");
        }
        String text = name.toString();
        String shared = names.putIfAbsent(text, text);
        return shared == null ? text : shared;
    }

    private LastRecorded last(JsonParser p, JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        String at = null;
        String name = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("at") && value == JsonToken.VALUE_STRING) {
                at = p.getText();
            } else if (field.equals("name")) {
                name = name(p, value);
            } else {
                p.skipChildren();
            }
        }
        try {
            if (at == null || name == null) {
                throw new IOException("lastRecorded needs at and name");
            }
            return new LastRecorded(name, IsoText.instant(at));
        } catch (DateTimeParseException e) {
            throw new IOException("bad lastRecorded time");
        }
    }

    private static void strings(JsonParser p, JsonToken start, Set<String> into) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
            into.add(p.getText());
        }
        expect(t, JsonToken.END_ARRAY);
    }

    private static String required(Map<String, String> fields, String name) throws IOException {
        String v = fields.get(name);
        if (v == null) {
            throw new IOException("missing text '" + name + "'");
        }
        return v;
    }

    private static LocalDate day(String text) throws IOException {
        try {
            return IsoText.day(text);
        } catch (DateTimeParseException e) {
            throw new IOException("bad weekStart '" + text + "'");
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", found " + actual);
        }
    }
}
