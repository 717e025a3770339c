package dev.crashwatch.watchdog.signature;

import java.util.regex.Pattern;

/**
 * Removes per-run random parts from native library file names: JNI libraries extracted to a temp file get random digits
 * ({@code librocksdbjni8389933268722817432.so}, {@code jna1234567.tmp}) or a UUID. Version numbers ({@code libc.so.6})
 * are short and stay.
 */
final class LibraryNames {
    private static final Pattern UUID = Pattern.compile(
            "-?\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final Pattern RANDOM_DIGITS = Pattern.compile("(?<![.\\d])\\d{5,}(?![\\d])");

    private LibraryNames() {
    }

    static String stable(String library) {
        return RANDOM_DIGITS.matcher(UUID.matcher(library).replaceAll("")).replaceAll("");
    }
}
