package dev.crashwatch.watchdog.launch;

import dev.crashwatch.agent.AgentOptions;
import dev.crashwatch.agent.wire.PipeKey;
import dev.crashwatch.watchdog.watch.Labels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The child's command with the agent attached: for a {@code java} program, {@code -javaagent:...} goes right
 * after the program (nothing extra on stderr); for a JDK tool launcher ({@code javac}, {@code jshell}...) it goes
 * there as {@code -J-javaagent:...} ({@link JdkTool}); for anything else (a script that starts java) it goes into
 * {@code JAVA_TOOL_OPTIONS}, which every JVM the script starts picks up, naming the pipe by the variable
 * {@code CRASHWATCH_PIPE} (the JVM prints that option in its {@code Picked up JAVA_TOOL_OPTIONS} line: no path of the
 * store in it). Standard streams are inherited untouched.
 */
public final class ChildCommand {
    public static final String TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    /** The user's JAVA_TOOL_OPTIONS, kept here by the crashwatch script, which keeps them off the watchdog's JVM. */
    public static final String USERS_TOOL_OPTIONS = "CRASHWATCH_CHILD_TOOL_OPTIONS";

    private ChildCommand() {
    }

    /** A process builder for {@code command}; {@code agentOption} (a whole {@code -javaagent:} option) or null for none. */
    public static ProcessBuilder of(List<String> command, String agentOption) {
        List<String> args = new ArrayList<>(command);
        ProcessBuilder pb = new ProcessBuilder(args).inheritIO();
        restoreUsersToolOptions(pb.environment());
        if (agentOption == null) {
            return pb;
        }
        if (isJava(args.get(0))) {
            args.add(1, agentOption);
        } else {
            addToolOption(pb.environment(), agentOption);
        }
        return pb;
    }

    /** A process builder for {@code command} with the agent attached, its records going to {@code pipe}. */
    public static ProcessBuilder withAgent(List<String> command, Path agentJar, Path pipe, Labels labels) {
        if (isJava(command.get(0))) {
            return of(command, AgentOption.of(agentJar, pipe.toString(), keyOf(pipe), labels));
        }
        Optional<String> tool = JdkTool.name(command.get(0), System.getenv("PATH"));
        if (tool.isPresent()) {
            List<String> args = new ArrayList<>(command);
            String option = AgentOption.of(agentJar, pipe.toString(), keyOf(pipe), labels);
            args.addAll(1, JdkTool.agentOptions(tool.get(), option));
            return of(args, null);
        }
        // No key in JAVA_TOOL_OPTIONS: the JVM prints their line on the child's stderr.
        ProcessBuilder pb = of(command, AgentOption.of(agentJar, AgentOptions.PIPE_FROM_ENV, labels));
        pb.environment().put(AgentOptions.PIPE_ENV, pipe.toString());
        return pb;
    }

    /** The FIFO's key for the agent ({@link PipeKey}), or null when it has none (not made yet: tests). */
    private static String keyOf(Path pipe) {
        try {
            return PipeKey.of(pipe);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Gives the child the user's JAVA_TOOL_OPTIONS back, if the script set them aside. */
    static void restoreUsersToolOptions(Map<String, String> env) {
        String users = env.remove(USERS_TOOL_OPTIONS);
        if (users != null) {
            env.put(TOOL_OPTIONS, users);
        }
    }

    /** Appends {@code option} to {@code JAVA_TOOL_OPTIONS} in {@code env}, quoted if it holds a space. */
    static void addToolOption(Map<String, String> env, String option) {
        String existing = env.get(TOOL_OPTIONS);
        String quoted = option.indexOf(' ') >= 0 ? '"' + option + '"' : option;
        env.put(TOOL_OPTIONS, existing == null || existing.isBlank() ? quoted : existing + ' ' + quoted);
    }

    /** True for {@code java} and {@code .../bin/java} (also {@code java.exe}). */
    static boolean isJava(String program) {
        String name = program.substring(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1);
        return name.equals("java") || name.equals("java.exe");
    }
}
