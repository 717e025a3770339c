package dev.crashwatch.watchdog.watch;

import java.nio.file.Path;

/**
 * A JVM the watchdog knows of from outside the crash pipe (the launcher's child, the JVM that started a sidecar):
 * its pid, working directory, {@code -XX:ErrorFile} setting as given ({@code ""} for none or unknown) and a time
 * before which it cannot have crashed — enough to find its fatal error log if it dies before it says hello
 * ({@link Watch#concludeUnheard}).
 */
public record KnownJvm(long pid, Path cwd, String errorFile, long startedMillis) {
}
