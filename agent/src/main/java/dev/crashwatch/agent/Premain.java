package dev.crashwatch.agent;

import java.lang.instrument.Instrumentation;

/** Entry point of the agent ({@code -javaagent}, {@code Launcher-Agent-Class}). (Not built yet.) */
public final class Premain {
    private Premain() {
    }

    public static void premain(String options, Instrumentation inst) {
    }

    public static void agentmain(String options, Instrumentation inst) {
        premain(options, inst);
    }
}
