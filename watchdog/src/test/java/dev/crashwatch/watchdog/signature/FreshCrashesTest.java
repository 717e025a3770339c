package dev.crashwatch.watchdog.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.testing.Jdks;
import dev.crashwatch.watchdog.testing.TestJars;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crashes made now by the corpus programs, on every JDK installed, name exactly like the committed corpus made on the
 * same JDK release (the corpus is not stale), and two runs of one native crash (other pid, addresses, random JNI
 * library name) name alike.
 */
class FreshCrashesTest {
    private static final String CRASH = "dev.crashwatch.samples.Crash";
    private static final String CORPUS_CRASH = "dev.crashwatch.samples.corpus.CorpusCrash";

    static Stream<Jdks.Jdk> jdks() {
        return Jdks.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void freshCrashesNameLikeTheCorpus(Jdks.Jdk jdk, @TempDir Path tmp) throws Exception {
        String segv1 = fatalName(jdk, tmp.resolve("run1"));
        String segv2 = fatalName(jdk, tmp.resolve("run2"));
        assertEquals(segv1, segv2, "two runs of one native crash");
        assertTrue(segv1.startsWith("crash/fatal\nSIGSEGV\njna.tmp!Java_com_sun_jna_Native_getLong\n"), segv1);
        String overflow = Signatures.counterName(stderrOf(jdk, tmp, CORPUS_CRASH, "recursion-from", "b"), Corpus.LINES);
        String nested = Signatures.counterName(stderrOf(jdk, tmp, CORPUS_CRASH, "nested"), Corpus.LINES);
        String injection = Signatures.counterName(stderrOf(jdk, tmp, CORPUS_CRASH, "message-injection"), Corpus.LINES);
        assertNotEquals(overflow, nested);
        String corpus = "real/jdk" + jdk.feature();
        if (Files.isDirectory(Corpus.DIR.resolve(corpus))) {
            assertEquals(Corpus.name(corpus + "/recursion-from-b.txt"), overflow);
            assertEquals(Corpus.name(corpus + "/nested.txt"), nested);
            assertEquals(Corpus.name(corpus + "/message-injection.txt"), injection);
        }
    }

    private static String fatalName(Jdks.Jdk jdk, Path dir) throws Exception {
        Files.createDirectories(dir);
        stderrOf(jdk, dir, CRASH, "native-segv");
        try (Stream<Path> files = Files.list(dir)) {
            Path log = files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid")).findFirst().orElseThrow();
            return Signatures.counterName(Files.readString(log, StandardCharsets.UTF_8), Corpus.LINES);
        }
    }

    private static String stderrOf(Jdks.Jdk jdk, Path dir, String main, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(jdk.java().toString(), "-cp", TestJars.samples().toString(), main));
        command.addAll(List.of(args));
        String kind = String.join(" ", args);
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(kind + " did not end");
        }
        return err;
    }
}
