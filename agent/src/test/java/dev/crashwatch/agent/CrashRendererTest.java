package dev.crashwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.agent.wire.ByteSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CrashRendererTest {
    @Test
    void renders_exactly_what_the_jvm_prints_for_an_uncaught_exception() {
        Thread thread = new Thread("wörker \"1\"");
        Throwable crash = Rehearsal.sampleCrash();

        ByteArrayOutputStream jvm = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(jvm, true, StandardCharsets.UTF_8);
        err.print("Exception in thread \"" + thread.getName() + "\" ");
        crash.printStackTrace(err);

        assertEquals(jvm.toString(StandardCharsets.UTF_8), text(new CrashRenderer().render(thread, crash)));
    }

    @Test
    void a_changed_class_path_goes_first_as_a_crash_fact_then_the_text_as_the_jvm_prints_it() {
        Thread thread = new Thread("main");
        Throwable crash = Rehearsal.sampleCrash();
        String plain = text(new CrashRenderer().render(thread, crash));
        assertEquals("\0classPath=/app/classes:/a\\\\b.jar\n" + plain,
                text(new CrashRenderer().render(thread, crash, "/app/classes:/a\\b.jar")), "escaped as in the hello");
    }

    @Test
    void the_buffer_is_reused_and_holds_only_the_latest_crash() {
        CrashRenderer text = new CrashRenderer();
        text.render(new Thread("a"), new IllegalStateException("first"));
        String second = text(text.render(new Thread("b"), new Error("second")));
        assertTrue(second.startsWith("Exception in thread \"b\" java.lang.Error: second\n"), second);
    }

    @Test
    void the_minimal_rendering_keeps_the_type_and_frames_and_drops_the_message() {
        Throwable crash = new IllegalStateException("secret message");
        crash.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("app.Shop", "buy", "Shop.java", 42),
            new StackTraceElement("app.Shop", "native0", null, -2),
            new StackTraceElement("app.Main", "main", null, -1),
        });
        assertEquals("Exception in thread \"main\" java.lang.IllegalStateException\n"
                + "\tat app.Shop.buy(Shop.java:42)\n"
                + "\tat app.Shop.native0(Native Method)\n"
                + "\tat app.Main.main(Unknown Source)\n",
                text(new CrashRenderer().renderMinimal(new Thread("main"), crash)));
    }

    @Test
    void a_deep_trace_grows_the_buffer() {
        Throwable deep = new StackOverflowError();
        StackTraceElement[] frames = new StackTraceElement[5000];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new StackTraceElement("app.Recursive", "descend", "Recursive.java", i);
        }
        deep.setStackTrace(frames);
        ByteSink sink = new CrashRenderer().render(new Thread("main"), deep);
        assertTrue(sink.length() > 64 * 1024);
        assertTrue(text(sink).endsWith("\tat app.Recursive.descend(Recursive.java:4999)\n"));
    }

    static String text(ByteSink sink) {
        return new String(sink.array(), 0, sink.length(), StandardCharsets.UTF_8);
    }
}
