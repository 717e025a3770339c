package dev.crashwatch.watchdog.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same crash, pasted by two people, gets one name: for every trace of the corpus, variants cut below the 16 frames
 * of the naming exception (with or without {@code ... N more}, with or without the outer exceptions), with chrome
 * around and inside them (talk, markdown, quotes, log prefixes, HTML escapes, re-indentation, hard wrapping, line
 * ends) keep the file's name and are never malformed.
 *
 * <p>Property-based, with generated variants: each is drawn from a seeded {@link Random}, so a failure names the
 * variant (its {@code toString}) and re-runs the same. (jqwik, which the issue names, prints that AI agents must not
 * use it; it is not used, and the variants are drawn here instead.)
 */
class PastedTraceProperties {
    private static final long SEED = 0x5eed_16L;

    @ParameterizedTest
    @MethodSource("pastes3000")
    void a_pasted_trace_keeps_its_name(PastedTrace paste) {
        String expected = Corpus.name(paste.file());
        String name = Signatures.counterName(paste.apply(), Corpus.LINES);
        assertNotEquals(CounterNames.MALFORMED, name, paste.file());
        assertEquals(expected, name, () -> paste + "\n--- pasted:\n" + paste.apply());
    }

    @ParameterizedTest
    @MethodSource("pastes500")
    void a_cut_below_the_window_is_no_short_paste(PastedTrace paste) {
        boolean fullIsShort = Signatures.explain(Corpus.text(paste.file()), Corpus.LINES).explanation().shortPaste()
                .isPresent();
        boolean pastedIsShort = Signatures.explain(paste.apply(), Corpus.LINES).explanation().shortPaste().isPresent();
        assertEquals(fullIsShort, pastedIsShort, paste::toString);
    }

    /** The corpus's traces (not the fatal error logs, not the malformed inputs). */
    static List<String> traces() {
        return Corpus.files().stream()
                .filter(f -> f.startsWith("real/") || f.startsWith("handwritten/") || f.startsWith("pasted/"))
                .filter(f -> f.endsWith(".txt") && !f.contains("hserr"))
                .toList();
    }

    static Stream<PastedTrace> pastes3000() {
        return pastes(3000, SEED);
    }

    static Stream<PastedTrace> pastes500() {
        return pastes(500, SEED + 1);
    }

    /** {@code n} variants: each a corpus trace, cut anywhere below its window, with chrome drawn at random. */
    static Stream<PastedTrace> pastes(int n, long seed) {
        Random random = new Random(seed);
        List<String> traces = traces();
        return IntStream.range(0, n).mapToObj(i -> {
            PastedTrace.Chrome chrome = new PastedTrace.Chrome(
                    pick(random, 0, 0, 2, 4, 8),
                    pick(random, false, false, true),
                    pick(random, "", "", "2026-11-23T13:50:12.123Z ERROR ", "2026-11-23 13:50:12,123 [worker-1] ERROR ",
                            "13:50:12.123 [main] ERROR com.example.App - ", "2026-11-23T13:50:12.123456789Z stderr F ",
                            "Nov 23 13:50:12 build-7 java[4242]: ", "[2026-11-23T13:50:12.123Z] ",
                            "2026-11-23T13:50:12.1234567Z "),
                    pick(random, "", "", "> ", "> > "),
                    pick(random, PastedTrace.Block.values()),
                    random.nextBoolean() ? 0 : 60 + random.nextInt(101),
                    random.nextBoolean(),
                    pick(random, "\n", "\r\n", "\r"),
                    random.nextBoolean());
            return new PastedTrace(traces.get(random.nextInt(traces.size())), random.nextDouble(),
                    random.nextBoolean(), random.nextBoolean(), chrome);
        });
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
