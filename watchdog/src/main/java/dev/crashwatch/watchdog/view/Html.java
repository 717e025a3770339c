package dev.crashwatch.watchdog.view;

/**
 * HTML escaping for everything the view renders. Counter names come from parsed crash input, so every string
 * that reaches the page goes through {@link #escape} — in text and in quoted attribute values alike.
 */
public final class Html {
    private Html() {
    }

    /** The text with {@code & < > " '} replaced by character references; safe in text and quoted attributes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
