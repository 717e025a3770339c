package dev.crashwatch.watchdog.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "<script>alert(1)</script>       | &lt;script&gt;alert(1)&lt;/script&gt;",
        "`\"><img src=x onerror=alert(2)>` | &quot;&gt;&lt;img src=x onerror=alert(2)&gt;",
        "' onmouseover='x                | &#39; onmouseover=&#39;x",
        "a && b                          | a &amp;&amp; b",
        "&lt; stays visible as typed     | &amp;lt; stays visible as typed",
        "com.example.Main.main:+3        | com.example.Main.main:+3",
    })
    void escapes_every_character_that_could_start_markup_or_end_an_attribute(String text, String escaped) {
        assertEquals(escaped, Html.escape(text));
    }
}
