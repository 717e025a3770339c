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
 * Crashes made now, on every JDK installed, name exactly like the committed corpus made on the same JDK release, and
 * two runs of one native crash (other pid, addresses, random JNI library name) name alike: the corpus is not stale
 * and the hs_err naming is stable from run to run.
 */
class FreshCrashesTest {
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
        String overflow = Signatures.counterName(stderrOf(jdk, tmp, "stackoverflow"), Corpus.LINES);
        String nested = Signatures.counterName(stderrOf(jdk, tmp, "nested"), Corpus.LINES);
        assertNotEquals(overflow, nested);
        Path corpus = Corpus.DIR.resolve("real/jdk" + jdk.feature());
        if (Files.isDirectory(corpus)) {
            assertEquals(Corpus.name("real/jdk" + jdk.feature() + "/hserr-native-segv.log"), segv1);
            assertEquals(Corpus.name("real/jdk" + jdk.feature() + "/crash-stackoverflow.txt"), overflow);
            assertEquals(Corpus.name("real/jdk" + jdk.feature() + "/crash-nested.txt"), nested);
        }
    }

    private static String fatalName(Jdks.Jdk jdk, Path dir) throws Exception {
        Files.createDirectories(dir);
        stderrOf(jdk, dir, "native-segv");
        try (Stream<Path> files = Files.list(dir)) {
            Path log = files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid")).findFirst().orElseThrow();
            return Signatures.counterName(Files.readString(log, StandardCharsets.UTF_8), Corpus.LINES);
        }
    }

    private static String stderrOf(Jdks.Jdk jdk, Path dir, String kind) throws Exception {
        Process p = new ProcessBuilder(List.of(jdk.java().toString(), "-cp", TestJars.samples().toString(),
                "dev.crashwatch.samples.Crash", kind)).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(kind + " did not end");
        }
        return err;
    }
}
