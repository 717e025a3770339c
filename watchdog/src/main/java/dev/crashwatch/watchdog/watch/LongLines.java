package dev.crashwatch.watchdog.watch;

/**
 * Shortens very long lines of crash text before it is named: only an exception's message can make a line that long,
 * and messages are never part of a counter's name, while the parser takes a header line past its own limit for
 * plain text (a real crash with a long message would then count as malformed).
 */
final class LongLines {
    /** Longest line kept whole; longer ones keep this many characters. */
    static final int MAX_LINE = 8 << 10;

    private LongLines() {
    }

    static String shorten(String text) {
        int start = 0;
        StringBuilder out = null;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            int lineEnd = end < 0 ? text.length() : end;
            if (lineEnd - start > MAX_LINE) {
                if (out == null) {
                    out = new StringBuilder(text.length() / 2).append(text, 0, start);
                }
                int cut = start + MAX_LINE;
                if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                    cut--;
                }
                out.append(text, start, cut);
            } else if (out != null) {
                out.append(text, start, lineEnd);
            }
            if (end < 0) {
                break;
            }
            if (out != null) {
                out.append('\n');
            }
            start = end + 1;
        }
        return out == null ? text : out.toString();
    }
}
