package dev.crashwatch.watchdog.signature;

import dev.crashwatch.watchdog.signature.classfile.ClassPathEntries;
import dev.crashwatch.watchdog.signature.classfile.ClassPathLines;
import java.io.File;
import java.nio.file.Path;

/** Makes {@link LineResolver}s: from an application's class path, as the agent's hello record reports it. */
public final class LineResolvers {
    private LineResolvers() {
    }

    /** Resolves from a class path ({@code File.pathSeparator}-separated), relative entries against the current directory. */
    public static LineResolver forClassPath(String classPath) {
        return forClassPath(classPath, Path.of("").toAbsolutePath());
    }

    /**
     * Resolves from a class path whose relative entries are relative to {@code workingDir} (the application's
     * working directory: the hello record's {@code cwd}). Never throws; a null or empty class path resolves nothing.
     */
    public static LineResolver forClassPath(String classPath, Path workingDir) {
        try {
            if (classPath == null || classPath.isBlank()) {
                return LineResolver.NONE;
            }
            Path base = workingDir == null ? Path.of("").toAbsolutePath() : workingDir;
            return new ClassPathLines(ClassPathEntries.of(classPath, base, File.pathSeparator));
        } catch (RuntimeException e) {
            return LineResolver.NONE;
        }
    }
}
