package dev.crashwatch.samples;

/**
 * A {@code -javaagent} that crashes its JVM in the way its argument names, as {@link Crash} does:
 * {@code -javaagent:crashwatch-samples.jar=native-segv} (the jar's {@code Premain-Class}). Given in
 * {@code JAVA_TOOL_OPTIONS} it runs before every agent on the command line, crashwatch's included: the JVM dies
 * before crashwatch's agent has started, let alone said hello.
 */
public final class CrashingAgent {
    private CrashingAgent() {
    }

    public static void premain(String kind) throws Exception {
        Crash.main(new String[] {kind});
    }
}
