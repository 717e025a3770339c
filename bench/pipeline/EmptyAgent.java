import java.lang.instrument.Instrumentation;

/** An agent that does nothing: the floor any -javaagent costs (it turns off the archived module graph). */
public final class EmptyAgent {
    private EmptyAgent() {
    }

    public static void premain(String options, Instrumentation inst) {
    }
}
