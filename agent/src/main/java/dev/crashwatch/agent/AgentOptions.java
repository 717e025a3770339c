package dev.crashwatch.agent;

import dev.crashwatch.agent.sidecar.SidecarOptions;

/**
 * The agent's options, {@code -javaagent:crashwatch-agent.jar=key=value,key=value}: see "Agent options" in
 * {@code docs/protocol.md}. A backslash makes the next comma or backslash literal; unknown keys are ignored, so that
 * an older agent runs with a newer watchdog's options.
 */
public final class AgentOptions implements SidecarOptions {
    /** The crash pipe (a FIFO) of a watchdog already listening: launcher mode. */
    static final String PIPE = "pipe";
    /**
     * The variable that names the crash pipe when the option says {@link #PIPE_FROM_ENV}: {@code crashwatch run} puts
     * the agent in {@code JAVA_TOOL_OPTIONS} that way, so that the line the JVM prints for them names no path of the
     * store.
     */
    public static final String PIPE_ENV = "CRASHWATCH_PIPE";
    /** {@code pipe=$CRASHWATCH_PIPE}: the crash pipe is the path in {@link #PIPE_ENV}. */
    public static final String PIPE_FROM_ENV = "$" + PIPE_ENV;
    /** The crash pipe's identity ({@link dev.crashwatch.agent.wire.PipeKey}): a launcher's FIFO is then opened at once. */
    public static final String PIPE_KEY = "pipeKey";
    static final String PROGRAM = "program";
    static final String VERSION = "version";
    /** The watchdog jar (crashwatch.jar) the sidecar runs. */
    static final String WATCHDOG = "watchdog";
    /** The store directory. */
    static final String DIR = "dir";
    /** The java executable the sidecar runs on (Java 17+). */
    static final String JAVA = "java";
    /** The class that ends this JVM with System.exit when all went well: any other exit is a crash (UnplannedExit). */
    static final String EXIT_FROM = "exitFrom";

    private String pipe;
    private String pipeKey;
    private String program;
    private String version;
    private String watchdog;
    private String dir;
    private String java;
    private String exitFrom;

    /** Parses an option string; {@code null} or empty gives no options. Never throws. */
    static AgentOptions parse(String text) {
        AgentOptions options = new AgentOptions();
        if (text == null) {
            return options;
        }
        StringBuilder item = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == ',' || text.charAt(i + 1) == '\\')) {
                item.append(text.charAt(++i));
            } else if (c == ',') {
                options.set(item.toString());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        options.set(item.toString());
        return options;
    }

    /** The options of {@link Crashwatch.Config}: the API's route to the same agent. */
    static AgentOptions of(String program, String version, String dir, String watchdog, String java) {
        AgentOptions options = new AgentOptions();
        options.program = blankToNull(program);
        options.version = blankToNull(version);
        options.dir = blankToNull(dir);
        options.watchdog = blankToNull(watchdog);
        options.java = blankToNull(java);
        return options;
    }

    private void set(String item) {
        int eq = item.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String key = item.substring(0, eq).trim();
        String value = blankToNull(item.substring(eq + 1));
        if (PIPE.equals(key)) {
            pipe = value;
        } else if (PIPE_KEY.equals(key)) {
            pipeKey = value;
        } else if (PROGRAM.equals(key)) {
            program = value;
        } else if (VERSION.equals(key)) {
            version = value;
        } else if (WATCHDOG.equals(key)) {
            watchdog = value;
        } else if (DIR.equals(key)) {
            dir = value;
        } else if (JAVA.equals(key)) {
            java = value;
        } else if (EXIT_FROM.equals(key)) {
            exitFrom = value;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.trim().isEmpty() ? null : value;
    }

    /** The {@code pipe=} option as given (launcher mode when not null). */
    String pipe() {
        return pipe;
    }

    /** The {@code pipeKey=} option: what the launcher says its FIFO's identity is; null if not given. */
    String pipeKey() {
        return pipeKey;
    }

    /** The crash pipe's path: the option, or the path in {@link #PIPE_ENV} when the option says so; null if unset. */
    String pipePath(StartEnvironment env) {
        return PIPE_FROM_ENV.equals(pipe) ? blankToNull(env.get(PIPE_ENV)) : pipe;
    }

    @Override
    public String program() {
        return program;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String watchdog() {
        return watchdog;
    }

    String dir() {
        return dir;
    }

    @Override
    public String java() {
        return java;
    }

    String exitFrom() {
        return exitFrom;
    }
}
