package dev.crashwatch.watchdog.store.counters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.Map;

/**
 * The counter-file reader on any bytes (a fuzz target of issue 15, kept beside the package-private reader): a valid
 * file, or an {@link IOException} (the file is then unreadable, set aside); never another exception, never a
 * negative count.
 */
class CounterFileFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void any_bytes_are_a_counter_file_or_unreadable(byte[] bytes) {
        try {
            CounterFileContent c = new CounterFileReader().read(bytes);
            for (Map.Entry<String, Long> e : c.counters().entrySet()) {
                assertTrue(e.getValue() >= 0, e.toString());
            }
        } catch (IOException unreadable) {
            // Set aside by the writer, counted as skipped by the readers.
        }
    }
}
