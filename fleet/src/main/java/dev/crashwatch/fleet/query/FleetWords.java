package dev.crashwatch.fleet.query;

/**
 * The fleet's words for what it counts, one owner for the terminal, the web page and {@code docs/fleet.md}
 * ("Words"). A report is one machine's week and carries no machine ID, so a count of distinct reports is a count of
 * <em>machine-weeks</em>: a machine that reported three weeks is three. Where a count covers one week only (the trend,
 * a crash's weeks) a machine-week is a machine, and the word is "machines". The JSON keeps its field names
 * ({@code machines}, {@code reporting}, ...) for the scripts that read them; they count the same machine-weeks.
 */
public final class FleetWords {
    /** A count of distinct reports that may span several weeks. */
    public static final String MACHINE_WEEK = "machine-week";
    /** A count of distinct reports within one week. */
    public static final String MACHINE = "machine";
    public static final String CRASH = "crash";

    private FleetWords() {
    }

    /** {@code 1 crash}, {@code 2 crashes}, {@code 1 machine-week}, {@code 2 machine-weeks}. */
    public static String count(long n, String word) {
        return n + " " + plural(n, word);
    }

    private static String plural(long n, String word) {
        return n == 1 ? word : word + (word.endsWith("h") ? "es" : "s");
    }
}
