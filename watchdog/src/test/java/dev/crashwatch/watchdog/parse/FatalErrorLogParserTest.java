package dev.crashwatch.watchdog.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FatalErrorLogParserTest {
    private static String corpus(String path) throws IOException {
        try (InputStream in = FatalErrorLogParserTest.class.getResourceAsStream("/corpus/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsARealJdk25SegvLog() throws IOException {
        FatalErrorLog log = FatalErrorLogParser.parse(corpus("real/jdk25/hserr-native-segv.log")).value();
        assertEquals("SIGSEGV", log.kind());
        assertEquals('C', log.problematic().marker());
        assertEquals("Java_com_sun_jna_Native_getLong", log.problematic().symbol());
        assertTrue(log.problematic().library().startsWith("jna") && log.problematic().library().endsWith(".tmp"));
        assertEquals("dev.crashwatch.samples.NativeCrashes.readNullPointer", log.javaFrames().get(2).symbol());
        assertEquals("StubRoutines::call_stub", log.nativeFrames().get(5).symbol());
        assertTrue(log.complete());
    }

    @Test
    void anOomCrashIsAnOutOfMemoryErrorNotAnInternalError() throws IOException {
        assertEquals("OutOfMemoryError: Java heap space",
                FatalErrorLogParser.parse(corpus("real/jdk17/hserr-oom-crash.log")).value().kind());
    }

    @Test
    void anInternalErrorKeepsTheSourceFileNameNotItsPath() {
        String log = "#\n#  Internal Error (/home/secret-builder/jdk/src/hotspot/share/gc/g1/g1CollectedHeap.cpp:1234), pid=7, tid=8\n"
                + "#  guarantee(false) failed: secret detail\n";
        assertEquals("Internal Error (g1CollectedHeap.cpp)", FatalErrorLogParser.parse(log).value().kind());
    }

    @Test
    void compiledFramesLoseIdsSizesAndAddresses() {
        NativeFrame j = NativeFrameReader.read("J 1502% C2 com.example.Loader.warm(Ljava/util/List;)V (88 bytes) @ 0x1 [0x2+0x6c]", "");
        assertEquals("com.example.Loader.warm", j.symbol());
        NativeFrame v = NativeFrameReader.read("V  [libjvm.so+0x8c00aa]  jni_invoke_static(JNIEnv_*, JavaValue*) [clone .constprop.1]+0x3aa", "");
        assertEquals("libjvm.so", v.library());
        assertEquals("jni_invoke_static", v.symbol());
        NativeFrame c = NativeFrameReader.read("C  [/opt/app/lib/libfoo.so.1+0x10]", "");
        assertEquals("libfoo.so.1", c.library());
        assertEquals(null, c.symbol());
    }

    @Test
    void aLogCutShortStillGivesItsKindAndFrames() throws IOException {
        String log = corpus("real/jdk17/hserr-native-segv.log");
        String cut = log.substring(0, log.indexOf("j  com.sun.jna.Pointer.getLong"));
        FatalErrorLog parsed = FatalErrorLogParser.parse(cut).value();
        assertEquals("SIGSEGV", parsed.kind());
        assertEquals(2, parsed.nativeFrames().size());
        assertFalse(parsed.complete());
    }

    @Test
    void neverThrows() {
        byte[] noise = new byte[1 << 16];
        new Random(7).nextBytes(noise);
        FatalErrorLogParser.parse(new String(noise, StandardCharsets.ISO_8859_1));
        FatalErrorLogParser.parse(null);
        assertFalse(FatalErrorLogParser.parse("# A fatal error has been detected by the Java Runtime Environment:\n").isParsed());
        assertFalse(FatalErrorLogParser.parse("Native frames: (J=compiled Java code)\nC  [x").isParsed());
    }
}
