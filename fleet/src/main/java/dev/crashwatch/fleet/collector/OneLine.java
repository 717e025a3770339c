package dev.crashwatch.fleet.collector;

/**
 * A reason as one short printable line: whatever a hostile request made a parser quote comes back without line
 * breaks, control characters or length.
 */
final class OneLine {
    private static final int MAX = 200;

    private OneLine() {
    }

    static String of(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f || Character.isSurrogate(c) ? '?' : c);
        }
        return text.length() > MAX ? out + "..." : out.toString();
    }
}
