package dev.crashwatch.watchdog.uploads;

import java.util.function.Function;

/**
 * An upload setting from the environment that is a whole number in a range ({@code docs/upload.md}, "Settings"):
 * unset or blank, its default; a value that cannot be used is an error naming the variable, never silently replaced.
 */
public final class WholeNumberSetting {
    private WholeNumberSetting() {
    }

    /**
     * The value of variable {@code name} in {@code env}, from {@code min} to {@code max}; {@code fallback} when it is
     * unset or blank; an IllegalArgumentException naming it otherwise.
     */
    public static int read(Function<String, String> env, String name, int fallback, int min, int max) {
        String text = env.apply(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " needs a whole number from " + min + " to " + max + ", not '" + text
                + "'");
    }
}
