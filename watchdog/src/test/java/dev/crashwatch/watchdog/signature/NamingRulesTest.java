package dev.crashwatch.watchdog.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The naming rules one by one, on small hand-made traces (the corpus checks them on real ones). */
class NamingRulesTest {
    private static String trace(String type, String... frames) {
        StringBuilder sb = new StringBuilder("Exception in thread \"main\" ").append(type).append(": m\n");
        for (String f : frames) {
            sb.append("\tat ").append(f).append('\n');
        }
        return sb.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "com.a.Foo$$Lambda$14/0x0000000800c03000 | com.a.Foo$$Lambda",
            "com.a.Foo$$Lambda/0x00007f3a1c2b9a00 | com.a.Foo$$Lambda",
            "com.a.Foo$$Lambda$14/1523554304 | com.a.Foo$$Lambda",
            "jdk.proxy3.$Proxy316 | $Proxy",
            "com.sun.proxy.$Proxy12 | $Proxy",
            "jdk.internal.reflect.GeneratedMethodAccessor37 | jdk.internal.reflect.GeneratedMethodAccessor",
            "sun.reflect.GeneratedConstructorAccessor5 | sun.reflect.GeneratedConstructorAccessor",
            "com.a.Svc$$EnhancerBySpringCGLIB$$1a2b3c4d | com.a.Svc$$EnhancerBySpringCGLIB",
            "com.a.Svc$$FastClassBySpringCGLIB$$9f8e7d6c | com.a.Svc$$FastClassBySpringCGLIB",
            "com.a.Svc$$SpringCGLIB$$0 | com.a.Svc$$SpringCGLIB",
            "com.a.Svc$ByteBuddy$abc123 | com.a.Svc$ByteBuddy",
            "com.a.Svc$MockitoMock$1923 | com.a.Svc$MockitoMock",
            "com.a.Customer$HibernateProxy$Ab12Cd34 | com.a.Customer$HibernateProxy",
            "com.a.Customer_$$_javassist_42 | com.a.Customer_$$_javassist",
            "com.a.Customer_$$_jvst3a1_7 | com.a.Customer_$$_jvst",
            "my.ns$handler$fn__1234 | my.ns$handler$fn",
            "com.a.Plain$Inner | com.a.Plain$Inner"})
    void generatedNamesLoseTheirNumbers(String input, String stable) {
        assertEquals(stable, GeneratedNames.stableClassName(input));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "librocksdbjni8389933268722817432.so | librocksdbjni.so",
            "jna1234567.tmp | jna.tmp",
            "libc.so.6 | libc.so.6",
            "libstdc++.so.6.0.30 | libstdc++.so.6.0.30",
            "sqlite-3.45.0-5e1b8c1b-7f2a-4c1e-9d3b-0a1b2c3d4e5f-libsqlitejdbc.so | sqlite-3.45.0-libsqlitejdbc.so",
            "libnetty_transport_native_epoll_x86_642836473623.so | libnetty_transport_native_epoll_x86_.so"})
    void libraryNamesLoseRandomParts(String input, String stable) {
        assertEquals(stable, LibraryNames.stable(input));
    }

    @Test
    void functionRelativeLinesWhenTheMethodIsKnownAbsoluteAndMarkedOtherwise() {
        LineResolver knowsRun = (c, m, line) -> m.equals("run") ? OptionalInt.of(40) : OptionalInt.empty();
        String text = trace("java.lang.Error", "com.a.B.run(B.java:43)", "com.a.B.main(B.java:10)",
                "java.lang.Thread.run(Thread.java:833)");
        assertEquals("crash/crash\njava.lang.Error\ncom.a.B.run:+3\ncom.a.B.main:=10\njava.lang.Thread.run",
                Signatures.counterName(text, knowsRun));
    }

    @Test
    void twoSitesInOneMethodStillDiffer() {
        LineResolver start40 = (c, m, line) -> OptionalInt.of(40);
        assertNotEquals(Signatures.counterName(trace("java.lang.Error", "com.a.B.run(B.java:43)"), start40),
                Signatures.counterName(trace("java.lang.Error", "com.a.B.run(B.java:45)"), start40));
    }

    @Test
    void aResolverThatThrowsOrAnswersNonsenseFallsBackToAbsoluteLines() {
        LineResolver broken = (c, m, line) -> {
            throw new IllegalStateException("broken");
        };
        LineResolver nonsense = (c, m, line) -> OptionalInt.of(line + 5);
        String text = trace("java.lang.Error", "com.a.B.run(B.java:43)");
        assertEquals("crash/crash\njava.lang.Error\ncom.a.B.run:=43", Signatures.counterName(text, broken));
        assertEquals("crash/crash\njava.lang.Error\ncom.a.B.run:=43", Signatures.counterName(text, nonsense));
        assertEquals("crash/crash\njava.lang.Error\ncom.a.B.run:=43", Signatures.counterName(text, null));
    }

    @Test
    void stackOverflowNamesTheCycleWhateverItsPhaseAndEntry() {
        String[] pingPong = new String[60];
        String[] pongPing = new String[61];
        for (int i = 0; i < 60; i++) {
            pingPong[i] = i % 2 == 0 ? "com.a.R.ping(R.java:5)" : "com.a.R.pong(R.java:9)";
            pongPing[i] = i % 2 == 0 ? "com.a.R.pong(R.java:9)" : "com.a.R.ping(R.java:5)";
        }
        pongPing[60] = "com.a.Entry.other(Entry.java:3)";
        String a = Signatures.counterName(trace("java.lang.StackOverflowError", pingPong), LineResolver.NONE);
        String b = Signatures.counterName(trace("java.lang.StackOverflowError", pongPing), LineResolver.NONE);
        assertEquals(a, b);
        assertEquals("crash/crash\njava.lang.StackOverflowError\ncom.a.R.ping:=5\ncom.a.R.pong:=9", a);
    }

    @Test
    void theNameIsTheFirst16FramesSoACutBelowThemKeepsIt() {
        String[] frames = new String[40];
        for (int i = 0; i < 40; i++) {
            frames[i] = (i < 30 ? "org.springframework.x.L" + i : "com.app.A" + i) + ".m(X.java:" + (i + 1) + ")";
        }
        String name = Signatures.counterName(trace("java.lang.Error", frames), LineResolver.NONE);
        List<String> lines = List.of(name.split("\n"));
        assertEquals(2 + 16, lines.size(), name);
        assertEquals("org.springframework.x.L0.m:=1", lines.get(2));
        assertEquals("org.springframework.x.L15.m:=16", lines.get(17));
        for (int cut = 16; cut < 40; cut++) {
            String shorter = trace("java.lang.Error", java.util.Arrays.copyOf(frames, cut));
            assertEquals(name, Signatures.counterName(shorter, LineResolver.NONE), "cut after " + cut + " frames");
            assertTrue(Signatures.explain(shorter, LineResolver.NONE).explanation().shortPaste().isEmpty());
        }
        Signatures.Explained cut = Signatures.explain(trace("java.lang.Error", java.util.Arrays.copyOf(frames, 9)), null);
        assertEquals(9, cut.explanation().shortPaste().orElseThrow().framesShown());
    }

    @Test
    void aCauseWhoseMoreLineWasCutTakesTheFramesBelowItsCatchSite() {
        String full = """
                Exception in thread "main" java.lang.RuntimeException: wrapped
                \tat com.a.Outer.call(Outer.java:20)
                \tat com.a.Outer.run(Outer.java:12)
                \tat com.a.Main.main(Main.java:5)
                Caused by: java.io.IOException: secret
                \tat com.a.Disk.read(Disk.java:7)
                \tat com.a.Outer.call(Outer.java:18)
                \t... 2 more
                """;
        String cut = full.substring(0, full.indexOf("\t... 2 more"));
        assertEquals(Signatures.counterName(full, null), Signatures.counterName(cut, null));
        assertTrue(Signatures.counterName(cut, null).endsWith("com.a.Outer.run:=12\ncom.a.Main.main:=5"));
        assertTrue(Signatures.explain(full, null).explanation().shortPaste().isEmpty());
        Signatures.Explained startsAtCause = Signatures.explain(full.substring(full.indexOf("Caused by:")), null);
        assertTrue(startsAtCause.explanation().shortPaste().orElseThrow().why().contains("lacks 2 frames"));
    }

    @Test
    void aCauseFromAnotherThreadSharesNoFrameWithItsWrapper() {
        String text = """
                Exception in thread "main" java.util.concurrent.ExecutionException: boom
                \tat com.a.Main.await(Main.java:30)
                \tat com.a.Main.main(Main.java:5)
                Caused by: java.lang.IllegalStateException: boom
                \tat com.a.Job.step(Job.java:12)
                \tat com.a.Worker.run(Worker.java:8)
                """;
        assertEquals("crash/crash\njava.lang.IllegalStateException\ncom.a.Job.step:=12\ncom.a.Worker.run:=8",
                Signatures.counterName(text, null));
    }

    @Test
    void theNameStopsAfterTheFirstCopyOfARecursionWhateverItsDepth() {
        String[] shallow = {"com.a.P.descend(P.java:52)", "com.a.P.descend(P.java:54)", "com.a.P.descend(P.java:54)",
                "com.a.P.parse(P.java:40)", "com.a.Main.main(Main.java:5)"};
        String[] deep = new String[30];
        deep[0] = shallow[0];
        java.util.Arrays.fill(deep, 1, 30, "com.a.P.descend(P.java:54)");
        String name = Signatures.counterName(trace("java.lang.IllegalArgumentException", shallow), null);
        assertEquals("crash/crash\njava.lang.IllegalArgumentException\ncom.a.P.descend:=52\ncom.a.P.descend:=54", name);
        assertEquals(name, Signatures.counterName(trace("java.lang.IllegalArgumentException", deep), null));
    }

    @Test
    void overloadsCallingEachOtherAreNotARecursion() {
        String name = Signatures.counterName(trace("java.lang.NumberFormatException",
                "java.base/java.lang.Integer.parseInt(Integer.java:668)",
                "java.base/java.lang.Integer.parseInt(Integer.java:786)", "com.a.Main.main(Main.java:5)"), null);
        assertEquals("crash/crash\njava.lang.NumberFormatException\njava.lang.Integer.parseInt\njava.lang.Integer.parseInt"
                + "\ncom.a.Main.main:=5", name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "app//com.acme.Exporter.export(Exporter.java:16)",
            "java.base@17.0.2/com.acme.Exporter.export(Exporter.java:16)",
            "my-loader/my.module@1.0/com.acme.Exporter.export(Exporter.java:16)",
            "PluginClassLoader for exporter//com.acme.Exporter.export(Exporter.java:16)",
            "Plugin Loader [exporter-2.1] (isolated)/acme.exporter@2.1/com.acme.Exporter.export(Exporter.java:16)",
            "com.acme.Exporter.export (Exporter.java:16)"})
    void everyLoaderAndModulePrefixIsDropped(String frame) {
        String name = Signatures.counterName(trace("java.lang.Error", frame, "com.acme.Main.main(Main.java:3)"), null);
        assertEquals("crash/crash\njava.lang.Error\ncom.acme.Exporter.export:=16\ncom.acme.Main.main:=3", name);
    }

    @Test
    void aLongNameIsCutTo4096BytesAndMarkedTruncated() {
        String[] frames = new String[16];
        for (int i = 0; i < 16; i++) {
            frames[i] = "com.app." + "x".repeat(300) + i + ".m(X.java:" + (i + 1) + ")";
        }
        String name = Signatures.counterName(trace("java.lang.Error", frames), LineResolver.NONE);
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 4096);
        assertTrue(name.endsWith("\ntruncated"), name);
    }

    @Test
    void theRootCauseNamesTheCrashWithItsWholeStack() {
        String text = """
                Exception in thread "main" java.lang.RuntimeException: wrapped
                \tat com.a.Outer.call(Outer.java:20)
                \tat com.a.Main.main(Main.java:5)
                Caused by: java.lang.reflect.InvocationTargetException
                \tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:119)
                \tat java.base/java.lang.reflect.Method.invoke(Method.java:565)
                \tat com.a.Outer.call(Outer.java:18)
                \t... 1 more
                Caused by: java.lang.IllegalStateException: secret
                \tat com.a.Target.run(Target.java:7)
                \t... 3 more
                """;
        assertEquals("crash/crash\njava.lang.IllegalStateException\ncom.a.Target.run:=7\njava.lang.reflect.Method.invoke"
                + "\ncom.a.Outer.call:=18\ncom.a.Main.main:=5", Signatures.counterName(text, LineResolver.NONE));
    }

    @Test
    void explainSaysWhatHappenedToEachFrame() {
        String text = trace("java.lang.Error", "jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)",
                "com.a.Foo$$Lambda$14/0x0000000800c03000.run(Unknown Source)", "com.a.B.run(B.java:43)");
        Signatures.Explained e = Signatures.explain(text, LineResolver.NONE);
        List<Explanation.FrameFate> fates = e.explanation().frames();
        assertEquals(3, fates.size());
        assertTrue(fates.get(0).fates().get(0).startsWith("dropped: reflection"), fates.toString());
        assertTrue(fates.get(1).fates().stream().anyMatch(f -> f.startsWith("class rewritten")), fates.toString());
        assertTrue(fates.get(2).fates().contains("kept as com.a.B.run:=43"), fates.toString());
        assertEquals(Signatures.counterName(text, LineResolver.NONE), e.name());
    }

    @Test
    void tenMegabyteRecordsAreNamedOrMalformedNeverThrown() {
        byte[] noise = new byte[10 << 20];
        new java.util.Random(3).nextBytes(noise);
        assertEquals(CounterNames.MALFORMED, Signatures.counterName(new String(noise, StandardCharsets.ISO_8859_1), null));
        assertEquals(CounterNames.MALFORMED, Signatures.counterName("x\n".repeat(5 << 20), null));
        String frames = "\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:2)\n".repeat(250_000);
        assertEquals("crash/crash\njava.lang.Error\na.B.c:=1\na.B.d:=2",
                Signatures.counterName("Exception in thread \"main\" java.lang.Error: x\n" + frames, null));
        String natives = "C  [libx.so+0x1]  f+0x1\n".repeat(400_000);
        assertEquals("crash/fatal\nSIGSEGV\nlibx.so!f", Signatures.counterName("#  SIGSEGV (0xb) at pc=0x1, pid=1, tid=2\n"
                + "Native frames: (J=compiled Java code, j=interpreted, Vv=VM code, C=native code)\n" + natives, null));
    }

    @Test
    void hiddenClassesInFatalErrorLogsLoseTheirAddress() {
        String log = "#  SIGSEGV (0xb) at pc=0x1, pid=1, tid=2\n"
                + "Native frames: (J=compiled Java code, j=interpreted, Vv=VM code, C=native code)\n"
                + "C  [libx.so+0x1]  f+0x1\n"
                + "J 812 c2 java.lang.invoke.LambdaForm$MH/0x0000000800c0c400.invoke(Ljava/lang/Object;)V java.base@21 (20 bytes) @ 0x7f [0x7e+0x4]\n"
                + "J 813 c1 com.a.Foo$$Lambda/0x00007f3a1c2b9a00.run()V (12 bytes) @ 0x7f [0x7e+0x4]\n";
        assertEquals("crash/fatal\nSIGSEGV\nlibx.so!f\njava.lang.invoke.LambdaForm$MH.invoke\ncom.a.Foo$$Lambda.run",
                Signatures.counterName(log, null));
    }

    @Test
    void neverThrowsAndMalformedForNoise() {
        assertEquals(CounterNames.MALFORMED, Signatures.counterName(null, null));
        assertEquals(CounterNames.MALFORMED, Signatures.counterName("\u0000\u0001garbage", LineResolver.NONE));
        assertFalse(Signatures.counterName("java.lang.Error\n\tat a.B.c(B.java:1)", null).equals(CounterNames.MALFORMED));
    }
}
