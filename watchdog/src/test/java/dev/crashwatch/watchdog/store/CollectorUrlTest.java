package dev.crashwatch.watchdog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which collector URLs a store accepts: HTTPS anywhere, plain HTTP only to loopback, nothing that hides extra text. */
class CollectorUrlTest {
    @ParameterizedTest
    @CsvSource({
        "https://crashes.example.com, https://crashes.example.com",
        "https://crashes.example.com:8443/fleet/, https://crashes.example.com:8443/fleet",
        "HTTPS://crashes.example.com, https://crashes.example.com",
        "http://127.0.0.1:8420, http://127.0.0.1:8420",
        "http://127.8.9.1:8420/, http://127.8.9.1:8420",
        "http://localhost:8420, http://localhost:8420",
        "http://[::1]:8420, http://[::1]:8420",
    })
    void accepted(String given, String kept) {
        CollectorUrl url = CollectorUrl.parse(given);
        assertEquals(kept, url.toString());
        assertEquals(kept + "/v1/reports", url.resolve("/v1/reports").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://crashes.example.com", "http://10.0.0.1:8420", "http://0.0.0.0:8420",
        "http://127.0.0.1.example.com", "ftp://127.0.0.1", "file:///tmp/x", "crashes.example.com",
        "https://user:secret@crashes.example.com", "https://crashes.example.com/?token=x", "https://", "not a url"})
    void refused(String given) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CollectorUrl.parse(given));
        assertTrue(!e.getMessage().isBlank());
    }
}
