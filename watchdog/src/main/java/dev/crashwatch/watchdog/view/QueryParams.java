package dev.crashwatch.watchdog.view;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The parameters of a request's query string ({@code ?base=2.3.0&new=2.4.0-rc1}); the first value of a name wins. */
public final class QueryParams {
    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = values;
    }

    /** Parses a raw (still percent-encoded) query string; {@code null} or empty gives no parameters. */
    public static QueryParams parse(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!name.isEmpty()) {
                    values.putIfAbsent(name, value);
                }
            }
        }
        return new QueryParams(values);
    }

    /** The value of {@code name}, empty when absent or blank. */
    public Optional<String> get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Whether {@code name} was given at all, blank or not (a form's "all programs" is a blank value). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return ""; // a malformed %-escape: treat the part as absent rather than fail the page
        }
    }
}
