package dev.crashwatch.watchdog.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryParamsTest {
    @Test
    void decodes_percent_escapes_and_plus_and_keeps_the_first_value_of_a_name() {
        QueryParams p = QueryParams.parse("base=2.4.0-rc1&new=%3Cb%3E+x&base=other&flag");
        assertEquals(Optional.of("2.4.0-rc1"), p.get("base"));
        assertEquals(Optional.of("<b> x"), p.get("new"));
        assertEquals(Optional.empty(), p.get("flag"), "a name without a value is absent");
        assertEquals(Optional.empty(), p.get("program"));
    }

    @Test
    void no_query_blank_values_and_broken_escapes_are_absent() {
        assertEquals(Optional.empty(), QueryParams.parse(null).get("base"));
        assertEquals(Optional.empty(), QueryParams.parse("").get("base"));
        assertEquals(Optional.empty(), QueryParams.parse("base=+++").get("base"));
        assertEquals(Optional.empty(), QueryParams.parse("base=%zz").get("base"));
    }
}
