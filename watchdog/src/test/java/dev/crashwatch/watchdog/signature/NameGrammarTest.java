package dev.crashwatch.watchdog.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The privacy grammar accepts every name the signature corpus produces (each file and each pasted variant) and
 * refuses names that carry what rule 1 forbids: messages, paths, addresses, thread names, spaces.
 */
class NameGrammarTest {
    @Test
    void every_name_of_the_corpus_and_its_pasted_variants_passes() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String file : Corpus.files()) {
            List<String> names = new ArrayList<>(List.of(Corpus.name(file)));
            for (PasteVariants v : PasteVariants.values()) {
                names.add(Corpus.name(file, v));
            }
            for (String name : names) {
                checked++;
                NameGrammar.violation(name).ifPresent(why -> failures.add(file + ": " + why + "\n" + name));
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(checked > 1000, "checked " + checked);
    }

    @Test
    void the_plain_counters_pass() {
        for (String name : List.of(CounterNames.MALFORMED, CounterNames.OOM_EXIT, "crash/signal/SIGKILL",
                "crash/signal/SIGRTMIN+2", "crash/signal/SIG70")) {
            assertTrue(NameGrammar.isCrashCounterName(name), name);
        }
    }

    @Test
    void names_that_would_leak_are_refused() {
        List<String> leaking = List.of(
                "crash/crash\njava.lang.IllegalStateException: order 4711 of alice@example.com\na.B.c:+1",
                "crash/crash\njava.lang.IllegalStateException\nException in thread \"secret-thread\"",
                "crash/crash\njava.lang.Error\n/home/alice/src/Main.java:12",
                "crash/crash\njava.lang.Error\na.B.c(Main.java:12)",
                "crash/crash\njava.lang.Error\na.B.c:+1 secret",
                "crash/crash\njava.lang.Error\nSELECT * FROM users",
                "crash/crash\njava.lang.Error\na.B.c:+1\n\n",
                "crash/crash\njava.lang.Error\na.B.c:=12\tpassword=hunter2",
                "crash/fatal\nSIGSEGV (0x7f00) at pc=0x00007f",
                "crash/fatal\nSIGSEGV\nlibjvm.so+0x1234",
                "crash/fatal\nSIGSEGV\n/usr/lib/jvm/lib/server/libjvm.so!abort",
                "crash/fatal\nSIGSEGV\nlibrocksdbjni8389933268722817432.so!Java_x",
                "crash/fatal\nSIGSEGV\nlibc.so.6!free 0x7f",
                "crash/fatal\nInternal Error (/home/alice/build/debug.cpp:289)\nlibjvm.so!abort",
                "crash/fatal\nSIGSEGV pid=4711\nlibjvm.so!abort",
                "crash/signal/SIGKILL by alice",
                "crash/signal/",
                "crash/malformed\nsecret text",
                "crash/other",
                "user/secret",
                "crashwatch/upload\nx.Y.z",
                "",
                "crash/crash",
                "crash/crash\n" + "a.B.c:+1\n".repeat(17) + "a.B.c:+1",
                "crash/crash\njava.lang.Error\n" + "x".repeat(5000) + ".y");
        for (String name : leaking) {
            assertFalse(NameGrammar.isCrashCounterName(name), name);
            assertFalse(NameGrammar.violation(name).orElseThrow().contains("alice"), name);
        }
    }

    @Test
    void gaps_and_the_truncation_mark_are_not_frames() {
        assertTrue(NameGrammar.isCrashCounterName("crash/crash\njava.lang.Error\na.B.c:+1\n...\nd.E.main:+0\ntruncated"));
        assertFalse(NameGrammar.isCrashCounterName("crash/crash\njava.lang.Error\ntruncated\na.B.c:+1"));
    }

    @org.junit.jupiter.api.Test
    void crashwatchs_own_plain_counters_pass_and_are_the_ones_the_store_and_the_pipe_write() {
        assertEquals(java.util.Set.of(dev.crashwatch.watchdog.store.Store.RUNS_COUNTER,
                dev.crashwatch.watchdog.pipe.Bye.HANDLER_REPLACED_COUNTER), NameGrammar.OWN_PLAIN_COUNTERS);
        for (String own : NameGrammar.OWN_PLAIN_COUNTERS) {
            assertTrue(NameGrammar.isCrashCounterName(own), own);
        }
        assertFalse(NameGrammar.isCrashCounterName("crashwatch/secret-alice"));
    }
}
