package dev.crashwatch.watchdog.parse;

/**
 * Undoes the HTML escaping a trace gets when copied from a web page's source or an HTML mail: {@code &lt;init&gt;},
 * {@code &quot;main&quot;}, {@code &amp;}, {@code &#36;}, {@code &#x24;}, {@code &nbsp;} and the non-breaking space
 * itself (pasted indentation). Anything else is left as it is.
 */
final class HtmlText {
    private static final String[][] NAMED = {
            {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&nbsp;", " "}, {"&amp;", "&"}};

    private HtmlText() {
    }

    /** The line unescaped; text escaped twice over (the HTML source of a page that shows escaped text) too. */
    static String unescape(String line) {
        String s = line;
        for (int round = 0; round < 3; round++) {
            String once = unescapeOnce(s);
            if (once.equals(s)) {
                break;
            }
            s = once;
        }
        return s;
    }

    private static String unescapeOnce(String line) {
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\u00A0') {
                out.append(' ');
                i++;
            } else if (c == '&') {
                i = entity(line, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Appends the entity at {@code at} (or the '&' itself) and returns the index after it. */
    private static int entity(String line, int at, StringBuilder out) {
        for (String[] e : NAMED) {
            if (line.startsWith(e[0], at)) {
                out.append(e[1]);
                return at + e[0].length();
            }
        }
        int semi = line.indexOf(';', at);
        if (line.startsWith("&#", at) && semi > at + 2 && semi <= at + 8) {
            boolean hex = line.charAt(at + 2) == 'x' || line.charAt(at + 2) == 'X';
            try {
                int code = Integer.parseInt(line.substring(at + (hex ? 3 : 2), semi), hex ? 16 : 10);
                if (code > 0 && code < 0x10000 && !Character.isSurrogate((char) code)) {
                    out.append(code == 0xA0 ? ' ' : (char) code);
                    return semi + 1;
                }
            } catch (NumberFormatException e) {
                // not a numeric entity: keep the text
            }
        }
        out.append('&');
        return at + 1;
    }
}
