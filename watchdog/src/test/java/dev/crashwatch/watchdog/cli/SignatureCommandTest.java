package dev.crashwatch.watchdog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.signature.LineResolver;
import dev.crashwatch.watchdog.signature.LineResolvers;
import dev.crashwatch.watchdog.signature.Signatures;
import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import dev.crashwatch.watchdog.testing.TestJars;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crashwatch signature}: prints exactly the name the pipeline computes; --id, --explain, --classpath, stdin. */
class SignatureCommandTest {
    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path corpus(String file) throws URISyntaxException {
        return Path.of(SignatureCommandTest.class.getResource("/corpus/" + file).toURI());
    }

    @Test
    void printsTheNameOnStdoutAndTheStackIdOnStderr() throws Exception {
        Path file = corpus("real/jdk17/nested.txt");
        String expected = Signatures.counterName(Files.readString(file), LineResolver.NONE);
        Result r = run("signature", file.toString());
        assertEquals(0, r.status());
        assertEquals(expected + "\n", r.out());
        assertEquals("stack ID: " + StackIds.of(expected) + "\n", r.err());
        assertTrue(expected.contains(":="), "without a class path lines are absolute and marked: " + expected);
    }

    @Test
    void withTheClassPathItGivesThePipelinesFunctionRelativeName() throws Exception {
        Path file = corpus("real/jdk25/nested.txt");
        String samples = TestJars.samples().toString();
        String expected = Signatures.counterName(Files.readString(file), LineResolvers.forClassPath(samples));
        Result r = run("signature", "--classpath", samples, file.toString());
        assertEquals(expected + "\n", r.out());
        assertTrue(expected.contains("dev.crashwatch.samples.corpus.Chains.nested:+"), expected);
        assertEquals(StackIds.of(expected) + "\n", run("signature", "--id", "--classpath", samples, file.toString()).out());
    }

    @Test
    void explainShowsEachInputFrameAndItsFate() throws Exception {
        Result r = run("signature", "--explain", corpus("real/jdk17/reflection.txt").toString());
        assertEquals(0, r.status());
        assertTrue(r.out().contains("named by the root cause java.lang.IllegalStateException"), r.out());
        assertTrue(r.out().contains("at java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)\n"
                + "      -> dropped: reflection/method-handle plumbing"), r.out());
        assertTrue(r.out().contains("-> kept as dev.crashwatch.samples.corpus.Wrappers.target:=26"), r.out());
    }

    @Test
    void aPasteTooShortForAFullNameSaysSoOnStderr() throws Exception {
        Result shortPaste = run("signature", corpus("handwritten/chat-paste-caused-by-start.txt").toString());
        assertEquals(0, shortPaste.status());
        assertTrue(shortPaste.err().contains("note: the paste shows 4 of the 16 frames a name is made of"), shortPaste.err());
        assertTrue(shortPaste.err().contains("--match"), shortPaste.err());
        Result whole = run("signature", corpus("real/jdk17/nested.txt").toString());
        assertFalse(whole.err().contains("note:"), whole.err());
    }

    @Test
    void matchListsTheStoresCountersThatAgreeWithAShortPasteBestFirst(@TempDir Path store) throws Exception {
        LineResolver samples = LineResolvers.forClassPath(TestJars.samples().toString());
        String nested = Signatures.counterName(Files.readString(corpus("real/jdk17/nested.txt")), samples);
        String deepChain = Signatures.counterName(Files.readString(corpus("real/jdk17/deep-chain.txt")), samples);
        String otherCaller = nested.replace("dev.crashwatch.samples.corpus.Chains.nested:+0", "com.example.Other.parse:+2");
        Store.at(store).add(new CounterFileKey("app", "1.0", "17.0.15", "linux", "amd64", LocalDate.of(2026, 11, 23)),
                Map.of(nested, 3L, deepChain, 5L, otherCaller, 9L));
        Path paste = store.resolve("paste.txt");
        Files.writeString(paste, "bob: seeing this since Friday\n```\n" + Files.readString(
                corpus("real/jdk25/nested.txt")).lines().skip(7).limit(5).collect(Collectors.joining("\n")) + "\n```\n");
        CliInStore.Result r = new CliInStore(store).run("signature", "--match", paste.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().startsWith(StackIds.of(nested) + "  3 crashes  4 frames agree (1 on the method only)\n"
                + "    crash/crash\n    java.lang.NumberFormatException\n"), r.toString());
        assertEquals(1, r.out().lines().filter(l -> !l.startsWith("    ")).count(), r.toString());
        assertTrue(r.err().contains("1 counter of 3 in the store agrees with the paste"), r.toString());
        assertTrue(r.err().contains("note: the paste shows 4 of the 16 frames"), r.toString());

        Files.writeString(paste, Files.readString(corpus("real/jdk17/site-a.txt")));
        CliInStore.Result none = new CliInStore(store).run("signature", "--match", paste.toString());
        assertEquals(1, none.status(), none.toString());
        assertEquals("", none.out());
    }

    @Test
    void malformedInputPrintsCrashMalformed() throws Exception {
        assertEquals("crash/malformed\n", run("signature", corpus("malformed/prose.txt").toString()).out());
    }

    @Test
    void badUsageIsAOneLineErrorAndStatus2(@TempDir Path tmp) {
        for (List<String> args : List.of(List.of("signature", "--nope"), List.of("signature", "a", "b"),
                List.of("signature", "--classpath"), List.of("signature", tmp.resolve("missing.txt").toString()),
                List.of("signature", "--id", "--explain", "x"), List.of("signature", "--match", "--id", "x"))) {
            Result r = run(args.toArray(String[]::new));
            assertEquals(2, r.status(), args.toString());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("crashwatch signature: "), r.err());
        }
    }

    @Test
    void readsStdinWhenNoFileIsGiven() throws Exception {
        Path file = corpus("real/jdk17/hserr-native-segv.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "signature")
                .redirectInput(file.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertEquals(Signatures.counterName(Files.readString(file), LineResolver.NONE) + "\n", out);
        assertTrue(out.startsWith("crash/fatal\nSIGSEGV\njna.tmp!Java_com_sun_jna_Native_getLong\n"), out);
    }
}
