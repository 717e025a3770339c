package dev.crashwatch.fleet.config;

import java.util.regex.Pattern;

/**
 * A program name or version pattern of the upload config: literal text in which {@code *} stands for any run of
 * characters (possibly none), so {@code 2.4.0-rc*} covers every release candidate of 2.4.0 and {@code *} covers
 * everything. Nothing else is special.
 */
public record NamePattern(String text) {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._+*/@:~-]{1,128}");

    public NamePattern {
        if (!ALLOWED.matcher(text).matches()) {
            throw new IllegalArgumentException("bad pattern '" + text
                    + "': 1 to 128 of letters, digits, . _ + / @ : ~ - and *");
        }
    }

    /** True if {@code value} matches the whole pattern. */
    public boolean matches(String value) {
        String[] parts = text.split("\\*", -1);
        if (parts.length == 1) {
            return value.equals(text);
        }
        if (!value.startsWith(parts[0])) {
            return false;
        }
        int at = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = value.indexOf(parts[i], at);
            if (found < 0) {
                return false;
            }
            at = found + parts[i].length();
        }
        String last = parts[parts.length - 1];
        return value.length() - last.length() >= at && value.endsWith(last);
    }

    @Override
    public String toString() {
        return text;
    }
}
