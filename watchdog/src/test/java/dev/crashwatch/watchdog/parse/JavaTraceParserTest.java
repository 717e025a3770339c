package dev.crashwatch.watchdog.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JavaTraceParserTest {
    private static final String NESTED = """
            Exception in thread "main" java.lang.IllegalStateException: body failed
            \tat app//com.example.Chains.suppressedDeep(Chains.java:44)
            \tat java.base@17.0.15/java.lang.Thread.run(Thread.java:833)
            \tSuppressed: java.lang.IllegalStateException: close failed
            \t\tat com.example.Chains$Resource.close(Chains.java:51)
            \t\t... 1 more
            \t\tSuppressed: java.lang.RuntimeException: inner suppressed
            \t\t\tat com.example.Chains$Resource.close(Chains.java:52)
            \t\t\t... 2 more
            \tCaused by: java.io.IOException: disk
            \t\t... 3 more
            Caused by: java.lang.NumberFormatException: For input string: "x"
            line two of the message
            \tat jdk.proxy3/jdk.proxy3.$Proxy316.parse(Unknown Source)
            \tat com.example.Lambdas$$Lambda/0x0000000800c03000.run(Unknown Source)
            \tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)
            \t... 1 more
            """;

    @Test
    void readsCausesSuppressedAndCommonFrames() {
        JavaTrace trace = JavaTraceParser.parse(NESTED).value();
        ThrownException top = trace.outermost();
        assertEquals("java.lang.IllegalStateException", top.type());
        assertEquals(List.of("com.example.Chains.suppressedDeep", "java.lang.Thread.run"),
                top.frames().stream().map(JavaFrame::qualifiedMethod).toList());
        ThrownException closing = top.suppressed().get(0);
        assertEquals(1, closing.framesInCommon());
        assertEquals("java.lang.RuntimeException", closing.suppressed().get(0).type());
        assertEquals("java.io.IOException", closing.cause().type());
        assertEquals(3, closing.cause().framesInCommon());
        ThrownException cause = top.cause();
        assertEquals("java.lang.NumberFormatException", cause.type());
        assertTrue(cause.message().contains("line two of the message"));
        assertEquals(List.of("jdk.proxy3.$Proxy316", "com.example.Lambdas$$Lambda/0x0000000800c03000",
                "jdk.internal.reflect.NativeMethodAccessorImpl"), cause.frames().stream().map(JavaFrame::className).toList());
        assertNull(cause.frames().get(2).fileName());
        assertEquals(-1, cause.frames().get(2).line());
    }

    @Test
    void aCraftedMessageInjectsNoFrames() {
        String text = """
                Exception in thread "main" java.lang.IllegalStateException: input:
                \tat evil.Injected.frame(Evil.java:1)
                Caused by: evil.FakeException: boom
                \tat evil.Injected.more(Evil.java:2)
                \t... 3 more
                end of input
                \tat com.example.Real.site(Real.java:10)
                """;
        JavaTrace trace = JavaTraceParser.parse(text).value();
        assertNull(trace.outermost().cause());
        assertEquals(List.of("com.example.Real.site"),
                trace.outermost().frames().stream().map(JavaFrame::qualifiedMethod).toList());
    }

    @Test
    void aCausedByLineBeforeAnyFrameIsMessageText() {
        String text = "Exception in thread \"main\" java.lang.IllegalStateException: x\nCaused by: evil.Fake: y\n"
                + "\tat com.example.Real.site(Real.java:10)\n";
        JavaTrace trace = JavaTraceParser.parse(text).value();
        assertNull(trace.outermost().cause());
        assertEquals(1, trace.outermost().frames().size());
    }

    @Test
    void aTraceMayStartAtCausedBy() {
        JavaTrace trace = JavaTraceParser.parse("Caused by: java.io.IOException: x\n\tat a.B.c(B.java:3)\n\t... 2 more\n")
                .value();
        assertEquals("java.io.IOException", trace.outermost().type());
        assertEquals(2, trace.outermost().framesInCommon());
    }

    @Test
    void framesWithoutFileOrWithAbsolutePathOrKotlinFile() {
        JavaTrace trace = JavaTraceParser.parse("""
                java.lang.Error
                at a.B.c(/home/u/src/B.java:3)
                 at a.B.d (B.kt:4) ~[lib.jar:1.0]
                \tat a.B.e(B)
                """).value();
        List<JavaFrame> frames = trace.outermost().frames();
        assertEquals(3, frames.size());
        assertEquals(3, frames.get(0).line());
        assertEquals("B.kt", frames.get(1).fileName());
        assertEquals(-1, frames.get(2).line());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\n", "hello", "at", "Caused by:", "\tat (x)", "... 3 more",
            "Exception in thread \"main\" ", "java.lang.Error: no frames follow"})
    void textWithoutATraceIsUnparseable(String text) {
        Parsed<JavaTrace> parsed = JavaTraceParser.parse(text);
        assertFalse(parsed.isParsed(), text);
        assertTrue(parsed.problem() != null && !parsed.problem().isEmpty());
    }

    @Test
    void neverThrowsOnBinaryHugeOrPathologicalInput() {
        byte[] noise = new byte[1 << 16];
        new Random(42).nextBytes(noise);
        JavaTraceParser.parse(new String(noise, StandardCharsets.ISO_8859_1));
        JavaTraceParser.parse(null);
        StringBuilder huge = new StringBuilder("Exception in thread \"main\" java.lang.Error: x\n");
        while (huge.length() < 10 << 20) {
            huge.append("\tat a.B.c(B.java:1)\nmessage-looking text\n");
        }
        assertTrue(JavaTraceParser.parse(huge.toString()).isParsed());
        StringBuilder deep = new StringBuilder("java.lang.Error: x\n\tat a.B.c(B.java:1)\n");
        for (int i = 0; i < 5000; i++) {
            deep.append("\t".repeat(i % 50)).append("Suppressed: java.lang.Error\n\tat a.B.c(B.java:1)\n");
        }
        assertTrue(JavaTraceParser.parse(deep.toString()).isParsed());
    }

    @Test
    void aHostileLineAroundARealTraceLeavesItReadable() {
        String trace = "Exception in thread \"main\" java.lang.IllegalStateException: x\n\tat a.B.c(B.java:1)\n"
                + "\tat a.B.main(B.java:9)\n";
        for (String hostile : List.of("2026-01-01 00:00:00" + " [a]".repeat(20_000) + " x",
                "2026-01-01 00:00:00 ERROR " + "a.".repeat(30_000), "\tat x " + "at a/b (".repeat(50_000),
                "&amp;".repeat(20_000), "at ".repeat(200_000), "x".repeat(80) + "\n" + "x".repeat(80))) {
            for (String text : List.of(hostile + "\n" + trace, trace + hostile + "\n")) {
                Parsed<JavaTrace> parsed = JavaTraceParser.parse(text);
                assertTrue(parsed.isParsed(), hostile.substring(0, 40) + ": " + parsed.problem());
                assertEquals("java.lang.IllegalStateException", parsed.value().outermost().type());
                assertEquals(2, parsed.value().outermost().frames().size(), hostile.substring(0, 40));
            }
        }
    }
}
