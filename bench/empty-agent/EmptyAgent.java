import java.lang.instrument.Instrumentation;

/** The baseline agent for start-up benchmarks: attaching any -javaagent costs the JVM its archived module graph. */
public final class EmptyAgent {
    private EmptyAgent() {
    }

    public static void premain(String options, Instrumentation inst) {
    }
}
