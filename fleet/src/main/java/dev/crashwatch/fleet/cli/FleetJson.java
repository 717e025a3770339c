package dev.crashwatch.fleet.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.crashwatch.fleet.query.FleetInput;
import dev.crashwatch.watchdog.triage.CrashKind;
import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --json} output of fleet triage: one document per command, the answer's records as they are (field
 * names are the records' components, weeks as {@code YYYY-MM-DD}, kinds as their word), with the files skipped.
 */
final class FleetJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .registerModule(new SimpleModule()
            .addSerializer(LocalDate.class, ToStringSerializer.instance)
            .addSerializer(CrashKind.class, new JsonSerializer<>() {
                @Override
                public void serialize(CrashKind k, JsonGenerator g, SerializerProvider p) throws IOException {
                    g.writeString(k.word());
                }
            })
            .addSerializer(Optional.class, new JsonSerializer<>() {
                @Override
                public void serialize(Optional o, JsonGenerator g, SerializerProvider p) throws IOException {
                    p.defaultSerializeValue(o.orElse(null), g);
                }
            }));

    private FleetJson() {
    }

    /** Writes {@code {field: answer, "skippedFiles": [...]}}. */
    static void write(PrintStream out, String field, Object answer, FleetInput input) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(field, answer);
        if (input != null) {
            doc.put("skippedFiles", input.skipped());
        }
        out.println(JSON.writeValueAsString(doc));
    }
}
