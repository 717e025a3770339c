package dev.crashwatch.watchdog.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crashwatch.watchdog.signature.LineResolver;
import dev.crashwatch.watchdog.signature.Signatures;
import java.nio.charset.StandardCharsets;

/**
 * The Java trace parser and the fatal error log parser, through the one naming function each: any text gets a
 * counter name under {@code crash/} (a real one or {@code crash/malformed}) and nothing escapes.
 */
class NamingFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void any_text_is_named_as_a_java_trace_or_malformed(byte[] bytes) {
        String name = Signatures.counterName(new String(bytes, StandardCharsets.UTF_8), LineResolver.NONE);
        assertTrue(name.startsWith("crash/"), name);
    }

    @FuzzTest(maxDuration = "20s")
    void any_text_is_named_as_a_fatal_error_log_or_malformed(byte[] bytes) {
        String name = Signatures.fatalErrorLogName(new String(bytes, StandardCharsets.ISO_8859_1));
        assertTrue(name.startsWith("crash/"), name);
    }
}
