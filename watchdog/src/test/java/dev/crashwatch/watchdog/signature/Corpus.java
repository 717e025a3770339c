package dev.crashwatch.watchdog.signature;

import dev.crashwatch.watchdog.testing.TestJars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The signature corpus on the test class path ({@code src/test/resources/corpus}), named as the live pipeline names it. */
final class Corpus {
    static final Path DIR = locate();
    /** The samples jar as the class path: the real traces' frames resolve to function-relative lines. */
    static final LineResolver LINES = LineResolvers.forClassPath(TestJars.samples().toString());

    private Corpus() {
    }

    private static Path locate() {
        try {
            return Path.of(Corpus.class.getResource("/corpus/ground-truth.txt").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String relative) {
        try {
            return new String(Files.readAllBytes(DIR.resolve(relative)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    /** The file's name (computed once per test run). */
    static String name(String relative) {
        return NAMES.computeIfAbsent(relative, f -> Signatures.counterName(text(f), LINES));
    }

    /** The name of a pasted variant of the file (computed once per test run). */
    static String name(String relative, PasteVariants variant) {
        return NAMES.computeIfAbsent(relative + " " + variant,
                f -> Signatures.counterName(variant.apply(text(relative)), LINES));
    }

    /** Every crash file of the corpus (real, hand-written and malformed), relative to {@link #DIR}. */
    static List<String> files() {
        try (Stream<Path> walk = Files.walk(DIR)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> DIR.relativize(p).toString())
                    .filter(p -> p.startsWith("real/") || p.startsWith("handwritten/") || p.startsWith("pasted/")
                            || p.startsWith("malformed/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GroundTruth truth() {
        try {
            return GroundTruth.read(DIR.resolve("ground-truth.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
