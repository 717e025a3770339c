package dev.crashwatch.watchdog.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashwatch.watchdog.pipe.Hello;
import dev.crashwatch.watchdog.store.HostFacts;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CounterKeysTest {
    private static Hello hello(String text) {
        return Hello.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"/opt/app/server-1.2.jar, server-1.2", "com.example.Server, Server", "mod/com.example.Main, Main",
        "Plain, Plain", "'', unknown"})
    void program_falls_back_to_the_simple_name_of_main(String main, String program) {
        assertEquals(program, CounterKeys.program(hello("main=" + main + "\n"), Labels.NONE));
    }

    @Test
    void labels_win_over_the_hello_and_the_hello_over_defaults() {
        Hello h = hello("program=billing\nversion=2.0\nmain=x.Main\njavaVersion=25.0.1\n");
        LocalDate week = LocalDate.of(2026, 11, 23);
        HostFacts host = new HostFacts("linux", "amd64");
        assertEquals(new CounterFileKey("billing", "2.0", "25.0.1", "linux", "amd64", week),
                CounterKeys.of(h, Labels.NONE, host, week));
        assertEquals(new CounterFileKey("p", "v", "25.0.1", "linux", "amd64", week),
                CounterKeys.of(h, new Labels("p", "v"), host, week));
        assertEquals(new CounterFileKey("unknown", "devel", "unknown", "linux", "amd64", week),
                CounterKeys.of(Hello.NONE, Labels.NONE, host, week));
    }
}
