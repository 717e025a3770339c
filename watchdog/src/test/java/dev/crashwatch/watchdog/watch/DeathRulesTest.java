package dev.crashwatch.watchdog.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashwatch.watchdog.pipe.Hello;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeathRulesTest {
    private static Session session(boolean exitOnOom, boolean bye, int crashes) {
        Session s = new Session(12);
        s.hello(Hello.parse(("pid=12\nexitOnOutOfMemoryError=" + exitOnOom + "\n").getBytes(StandardCharsets.UTF_8)));
        if (bye) {
            s.bye(false);
        }
        for (int i = 0; i < crashes; i++) {
            s.crashRecord();
        }
        return s;
    }

    @ParameterizedTest(name = "status {0}, exitOnOom {1}, bye {2}, crashes {3} -> {4}")
    @CsvSource({
        "0,   false, true,  0, ''",
        "1,   false, true,  1, ''",
        "3,   true,  false, 0, crash/oom-exit",
        "3,   false, false, 0, ''",
        "3,   true,  true,  0, ''",
        "137, false, false, 0, crash/signal/SIGKILL",
        "134, false, false, 0, crash/signal/SIGABRT",
        "143, false, true,  0, ''",
        "137, false, false, 1, ''",
        "42,  false, false, 0, ''",
        "-1,  true,  false, 0, crash/oom-exit",
        "-1,  false, false, 0, ''",
    })
    void what_a_death_counts_as(int status, boolean exitOnOom, boolean bye, int crashes, String expected) {
        OptionalInt exit = status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
        Optional<String> counted = DeathRules.plainCounter(session(exitOnOom, bye, crashes), exit);
        assertEquals(expected, counted.orElse(""));
    }

    @ParameterizedTest
    @CsvSource({"9, SIGKILL", "15, SIGTERM", "11, SIGSEGV", "34, SIGRTMIN+0", "70, SIG70"})
    void signal_names(int signal, String name) {
        assertEquals(name, Signals.name(signal));
    }
}
