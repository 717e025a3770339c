package dev.crashwatch.watchdog.launch;

import dev.crashwatch.agent.AgentOptions;
import dev.crashwatch.watchdog.watch.Labels;
import java.nio.file.Path;

/**
 * Writes the {@code -javaagent:<jar>=pipe=<fifo>[,pipeKey=K][,program=P][,version=V]} option (the agent's options
 * are comma-separated {@code key=value} pairs, see {@code docs/protocol.md}).
 */
public final class AgentOption {
    private AgentOption() {
    }

    /**
     * The option; {@code pipe} is the crash pipe's path or {@link AgentOptions#PIPE_FROM_ENV}. Throws
     * IllegalArgumentException when a value cannot be written in the agent's syntax.
     */
    public static String of(Path agentJar, String pipe, Labels labels) {
        return of(agentJar, pipe, null, labels);
    }

    /** The option with the FIFO's {@link dev.crashwatch.agent.wire.PipeKey} ({@code pipeKey}: null for none). */
    public static String of(Path agentJar, String pipe, String pipeKey, Labels labels) {
        StringBuilder sb = new StringBuilder("-javaagent:").append(plain("agent jar path", agentJar.toString(), false));
        sb.append("=pipe=").append(plain("crash pipe path", pipe, true));
        if (pipeKey != null) {
            sb.append(',').append(AgentOptions.PIPE_KEY).append('=').append(plain("pipe key", pipeKey, true));
        }
        if (labels.program() != null) {
            sb.append(",program=").append(plain("program", labels.program(), true));
        }
        if (labels.version() != null) {
            sb.append(",version=").append(plain("version", labels.version(), true));
        }
        return sb.toString();
    }

    /** Throws IllegalArgumentException when a label cannot be written in the agent's syntax. */
    public static void checkLabels(Labels labels) {
        if (labels.program() != null) {
            plain("program", labels.program(), true);
        }
        if (labels.version() != null) {
            plain("version", labels.version(), true);
        }
    }

    /** A value must not hold the separators of the option syntax. */
    static String plain(String what, String value, boolean isValue) {
        if (value.indexOf(',') >= 0 || value.indexOf('=') >= 0 && !isValue || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " must not contain ',' or '=': " + value);
        }
        return value;
    }
}
