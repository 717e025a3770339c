package dev.crashwatch.watchdog.signature;

/**
 * The one place that turns crash text into a counter name. Everything that counts a crash (the pipe
 * reader, the fatal-error-log reader, {@code crashwatch signature}) calls this and nothing else, so the
 * naming rules ({@code docs/signatures.md}) can change without touching the pipe or the store.
 */
public final class Signatures {
    private Signatures() {
    }

    /**
     * The counter name for a Java stack trace or a HotSpot fatal error log (detected from the text).
     * Never throws: text it cannot read gives {@link CounterNames#MALFORMED}.
     */
    public static String counterName(String crashText, LineResolver lines) {
        throw new UnsupportedOperationException("not built yet");
    }
}
