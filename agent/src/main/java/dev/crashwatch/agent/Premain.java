package dev.crashwatch.agent;

import java.lang.instrument.Instrumentation;

/**
 * Entry point of the agent: {@code -javaagent:crashwatch-agent.jar[=options]} ({@code premain}), an executable jar's
 * {@code Launcher-Agent-Class} and dynamic attach ({@code agentmain}). Never throws, never prints.
 */
public final class Premain {
    private Premain() {
    }

    public static void premain(String options, Instrumentation inst) {
        try {
            Agent.start(AgentOptions.parse(options));
        } catch (Throwable ignored) {
            // The application comes first: whatever went wrong, it runs on without crash reporting.
        }
    }

    public static void agentmain(String options, Instrumentation inst) {
        premain(options, inst);
    }
}
