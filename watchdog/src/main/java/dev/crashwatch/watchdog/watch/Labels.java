package dev.crashwatch.watchdog.watch;

/**
 * The program name and version the user gave on the command line ({@code --program}, {@code --version}); each
 * wins over what the JVM's hello says. Null when not given.
 */
public record Labels(String program, String version) {
    public static final Labels NONE = new Labels(null, null);
}
