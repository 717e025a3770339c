package dev.crashwatch.watchdog.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the naming rules against the corpus of real and hand-written crash texts and its ground truth
 * ({@code src/test/resources/corpus}): groups share a name, pairs differ, secrets never appear, malformed input is
 * named {@code crash/malformed}, and every pasted variant of a file keeps the file's name.
 */
class CorpusTest {
    static Stream<Arguments> groups() {
        return Corpus.truth().groups().stream().map(g -> Arguments.of(String.join(" ", g), g));
    }

    @ParameterizedTest(name = "same name: {0}")
    @MethodSource("groups")
    void groupSharesOneName(String label, List<String> files) {
        String first = Corpus.name(files.get(0));
        assertFalse(first.equals(CounterNames.MALFORMED), files.get(0) + " is malformed");
        for (String f : files.subList(1, files.size())) {
            assertEquals(first, Corpus.name(f), f + " vs " + files.get(0));
        }
    }

    static Stream<Arguments> pairs() {
        return Corpus.truth().pairs().stream().map(p -> Arguments.of(p.get(0), p.get(1)));
    }

    @ParameterizedTest(name = "differ: {0} / {1}")
    @MethodSource("pairs")
    void pairDiffers(String a, String b) {
        assertNotEquals(Corpus.name(a), Corpus.name(b));
    }

    static Stream<Arguments> secrets() {
        return Corpus.truth().secrets().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "secret never in a name: {0}")
    @MethodSource("secrets")
    void secretNeverInAName(String secret) {
        for (String f : Corpus.files()) {
            String name = Corpus.name(f);
            assertFalse(name.contains(secret), f + " name holds '" + secret + "':\n" + name);
            for (PasteVariants v : PasteVariants.values()) {
                if (v.appliesTo(f, Corpus.text(f))) {
                    assertFalse(Corpus.name(f, v).contains(secret), f + " pasted " + v + " holds '" + secret + "'");
                }
            }
        }
    }

    static Stream<Arguments> malformed() {
        return Corpus.truth().malformed().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "malformed: {0}")
    @MethodSource("malformed")
    void malformedInputIsNamedMalformed(String file) {
        assertEquals(CounterNames.MALFORMED, Corpus.name(file));
    }

    static Stream<Arguments> lines() {
        return Corpus.truth().lines().stream().map(l -> Arguments.of(l.get(0), l.get(1)));
    }

    @ParameterizedTest(name = "{0} has line {1}")
    @MethodSource("lines")
    void nameHasLine(String file, String line) {
        String name = Corpus.name(file);
        assertTrue(List.of(name.split("\n")).contains(line), "expected line " + line + " in\n" + name);
    }

    static Stream<Arguments> crashFiles() {
        return Corpus.files().stream().filter(f -> !f.startsWith("malformed/")).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crashFiles")
    void everyCrashIsReadBoundedAndClean(String file) {
        String name = Corpus.name(file);
        assertNotEquals(CounterNames.MALFORMED, name, file);
        assertTrue(name.startsWith(CounterNames.UNCAUGHT + "\n") || name.startsWith(CounterNames.FATAL + "\n"), name);
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= NameLimit.MAX_BYTES, file);
        assertFalse(name.contains("\r") || name.contains("\t") || name.contains("\n\n"), name);
    }

    static Stream<Arguments> variants() {
        List<Arguments> out = new ArrayList<>();
        for (String f : Corpus.files()) {
            if (f.startsWith("malformed/")) {
                continue;
            }
            String text = Corpus.text(f);
            for (PasteVariants v : PasteVariants.values()) {
                if (v.appliesTo(f, text)) {
                    out.add(Arguments.of(f, v));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} pasted {1}")
    @MethodSource("variants")
    void pastedVariantKeepsTheName(String file, PasteVariants variant) {
        assertEquals(Corpus.name(file), Corpus.name(file, variant), file + " pasted " + variant);
    }
}
