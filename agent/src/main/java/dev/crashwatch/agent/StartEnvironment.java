package dev.crashwatch.agent;

import dev.crashwatch.agent.wire.ProcSelf;

/**
 * The environment this process was started with, looked up one variable at a time in {@code /proc/self/environ}
 * without parsing the rest: the JVM's first {@code System.getenv} parses every variable into a map (five classes
 * from the module image and ~0.4–0.8 ms interpreted on the start-up thread), which an application that never reads
 * its environment would not pay. Where there is no {@code /proc}, {@code System.getenv}. As the JVM reads its
 * options variables ({@code getenv(3)}), the first of two entries of one name is the one that counts.
 */
final class StartEnvironment {
    private final byte[] environ;

    private StartEnvironment(byte[] environ) {
        this.environ = environ;
    }

    /** This process's starting environment, read once here. */
    static StartEnvironment ofThisProcess() {
        return new StartEnvironment(ProcSelf.read("environ"));
    }

    /**
     * The same through {@code System.getenv}: for sidecar mode, whose {@code premain} parses the environment anyway
     * (the store's location), so that reading {@code /proc/self/environ} as well would be the same work twice.
     */
    static StartEnvironment viaGetenv() {
        return new StartEnvironment(null);
    }

    /** Of the {@code NUL}-separated {@code name=value} entries given (tests). */
    static StartEnvironment of(byte[] environ) {
        return new StartEnvironment(environ);
    }

    /** The value of {@code name} (an ASCII variable name), or null when it is not set. */
    String get(String name) {
        if (environ == null) {
            return System.getenv(name);
        }
        int start = 0;
        while (start < environ.length) {
            int end = start;
            while (end < environ.length && environ[end] != 0) {
                end++;
            }
            if (isEntryOf(name, start, end)) {
                int value = start + name.length() + 1;
                return new String(environ, value, end - value);
            }
            start = end + 1;
        }
        return null;
    }

    private boolean isEntryOf(String name, int start, int end) {
        if (end - start <= name.length() || environ[start + name.length()] != '=') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (environ[start + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
