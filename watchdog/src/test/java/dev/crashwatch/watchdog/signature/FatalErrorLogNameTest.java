package dev.crashwatch.watchdog.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fatal error log read from its file is named directly as one ({@link Signatures#fatalErrorLogName}), and gets the
 * name the detecting route ({@link Signatures#counterName}) gives the same text.
 */
class FatalErrorLogNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"real/jdk17/hserr-native-segv.log", "real/jdk17/hserr-oom-crash.log",
        "real/jdk25/hserr-native-segv.log", "real/jdk25/hserr-oom-crash.log"})
    void a_log_read_as_one_is_named_as_the_detecting_route_names_it(String file) {
        String log = Corpus.text(file);
        String name = Signatures.fatalErrorLogName(log);
        assertNotEquals(CounterNames.MALFORMED, name, file);
        assertEquals(Signatures.counterName(log, LineResolver.NONE), name, file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "#\n# A fatal error has been detected by the Java Runtime Environment:\n", "garbage"})
    void a_log_that_cannot_be_read_is_malformed(String log) {
        assertEquals(CounterNames.MALFORMED, Signatures.fatalErrorLogName(log));
    }
}
