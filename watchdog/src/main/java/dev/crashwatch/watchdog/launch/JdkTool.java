package dev.crashwatch.watchdog.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A JDK tool launcher ({@code javac}, {@code jshell}, {@code jar}, {@code javadoc}...): not {@code java}, but the same
 * launcher, which passes each {@code -J<option>} to its JVM. The agent goes there, so that no JVM prints a
 * {@code Picked up JAVA_TOOL_OPTIONS} line into the tool's stderr; {@code jshell} also gets it as {@code -R<option>},
 * which it passes to the JVM that runs the user's snippets (its execution engine). The rule (docs/native.md,
 * "crashwatch-run", step 4; {@code crashwatch-run.c} repeats it): the command, found as {@code execvp} finds it (a
 * name with a slash as is, else the first executable file of that name on {@code PATH}), resolves through its links to
 * {@code <home>/bin/<name>}, where {@code <home>/bin/java} and the JDK's {@code <home>/release} file are too. A
 * script or shim of the same name elsewhere is not a JDK tool: it gets the agent through {@code JAVA_TOOL_OPTIONS}.
 */
final class JdkTool {
    /** The option prefix a JDK tool launcher passes on to its JVM. */
    static final String JVM_OPTION = "-J";
    /** The option prefix {@code jshell} passes on to its execution engine's JVM. */
    static final String ENGINE_OPTION = "-R";
    static final String JSHELL = "jshell";
    /** The file every JDK since 9 has in its home, beside {@code bin/}. */
    static final String RELEASE = "release";

    private JdkTool() {
    }

    /** The tool's name ({@code javac}) when {@code program} is a JDK tool launcher other than java; else empty. */
    static Optional<String> name(String program, String path) {
        if (ChildCommand.isJava(program)) {
            return Optional.empty();
        }
        try {
            Optional<Path> found = find(program, path);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Path real = found.get().toRealPath();
            Path bin = real.getParent();
            Path home = bin == null ? null : bin.getParent();
            if (home == null || bin.getFileName() == null || !bin.getFileName().toString().equals("bin")
                    || !Files.isExecutable(bin.resolve("java")) || !Files.isRegularFile(home.resolve(RELEASE))) {
                return Optional.empty();
            }
            String name = real.getFileName().toString();
            return ChildCommand.isJava(name) ? Optional.empty() : Optional.of(name);
        } catch (IOException | InvalidPathException | SecurityException unresolved) {
            return Optional.empty();
        }
    }

    /** The options that give the tool's JVMs {@code agentOption}. */
    static List<String> agentOptions(String tool, String agentOption) {
        return tool.equals(JSHELL) ? List.of(JVM_OPTION + agentOption, ENGINE_OPTION + agentOption)
                : List.of(JVM_OPTION + agentOption);
    }

    /** The file {@code execvp} would run for {@code program}. */
    private static Optional<Path> find(String program, String path) {
        if (program.indexOf('/') >= 0) {
            return Optional.of(Path.of(program));
        }
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator, -1)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
