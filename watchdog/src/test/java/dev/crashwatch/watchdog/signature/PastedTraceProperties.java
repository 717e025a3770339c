package dev.crashwatch.watchdog.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The same crash, pasted by two people, gets one name: for every trace of the corpus, variants cut below the 16 frames
 * of the naming exception (with or without {@code ... N more}, with or without the outer exceptions), with chrome
 * around and inside them (talk, markdown, quotes, log prefixes, HTML escapes, re-indentation, hard wrapping, line
 * ends) keep the file's name and are never malformed.
 */
class PastedTraceProperties {
    @Property(tries = 3000)
    void aPastedTraceKeepsItsName(@ForAll("pastes") PastedTrace paste) {
        String expected = Corpus.name(paste.file());
        String name = Signatures.counterName(paste.apply(), Corpus.LINES);
        assertNotEquals(CounterNames.MALFORMED, name, paste.file());
        assertEquals(expected, name, () -> paste + "\n--- pasted:\n" + paste.apply());
    }

    @Property(tries = 500)
    void aCutBelowTheWindowIsNoShortPaste(@ForAll("pastes") PastedTrace paste) {
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

    @Provide
    Arbitrary<PastedTrace> pastes() {
        Arbitrary<PastedTrace.Chrome> chrome = Combinators.combine(
                Arbitraries.of(0, 0, 2, 4, 8),
                Arbitraries.of(false, false, true),
                Arbitraries.of("", "", "2026-11-23T13:50:12.123Z ERROR ", "2026-11-23 13:50:12,123 [worker-1] ERROR ",
                        "13:50:12.123 [main] ERROR com.example.App - ", "2026-11-23T13:50:12.123456789Z stderr F ",
                        "Nov 23 13:50:12 build-7 java[4242]: ", "[2026-11-23T13:50:12.123Z] ",
                        "2026-11-23T13:50:12.1234567Z "),
                Arbitraries.of("", "", "> ", "> > "),
                Arbitraries.of(PastedTrace.Block.class),
                Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(60, 160)),
                Arbitraries.of(false, true),
                Arbitraries.of("\n", "\r\n", "\r"))
                .as((indent, html, prefix, quote, block, wrapAt, columns, lineEnd) ->
                        new PastedTrace.Chrome(indent, html, prefix, quote, block, wrapAt, columns, lineEnd, false));
        return Combinators.combine(Arbitraries.of(traces()), Arbitraries.doubles().between(0, 1),
                        Arbitraries.of(false, true), Arbitraries.of(false, true), chrome, Arbitraries.of(false, true))
                .as((file, cut, dropMore, dropOuter, c, talk) -> new PastedTrace(file, cut, dropMore, dropOuter,
                        new PastedTrace.Chrome(c.indent(), c.html(), c.prefix(), c.quote(), c.block(), c.wrapAt(),
                                c.columns(), c.lineEnd(), talk)));
    }
}
