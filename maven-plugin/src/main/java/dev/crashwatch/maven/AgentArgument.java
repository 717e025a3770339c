package dev.crashwatch.maven;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code -javaagent:} JVM option for a test JVM: the agent jar and its options (docs/protocol.md, "Agent
 * options"), escaped for the agent and quoted for the command line Surefire and Failsafe split the argLine into.
 */
final class AgentArgument {
    /** The one class that ends a Surefire or Failsafe fork by calling {@code System.exit} when its tests are done. */
    static final String SUREFIRE_BOOTER = "org.apache.maven.surefire.booter.ForkedBooter";

    private final Path agentJar;
    private final Map<String, String> options = new LinkedHashMap<>();

    AgentArgument(Path agentJar) {
        this.agentJar = agentJar;
    }

    /** Adds {@code key=value}; an empty or null value is left out, as the agent would ignore it. */
    AgentArgument option(String key, String value) {
        if (value != null && !value.isBlank()) {
            options.put(key, value);
        }
        return this;
    }

    /** The option as one argLine word, in double quotes when it holds white space. */
    String toArgLineWord() {
        StringBuilder text = new StringBuilder("-javaagent:").append(agentJar);
        String separator = "=";
        for (Map.Entry<String, String> option : options.entrySet()) {
            text.append(separator).append(option.getKey()).append('=').append(escape(option.getValue()));
            separator = ",";
        }
        String word = text.toString();
        return word.chars().anyMatch(Character::isWhitespace) ? '"' + word + '"' : word;
    }

    /** The argLine with this option first and what it held before after it. */
    String prependTo(String previousArgLine) {
        String word = toArgLineWord();
        return previousArgLine == null || previousArgLine.isBlank() ? word : word + " " + previousArgLine.trim();
    }

    /** The agent reads {@code \,} as a comma and {@code \\} as a backslash inside a value. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(",", "\\,");
    }
}
