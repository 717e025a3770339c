package dev.crashwatch.watchdog.store;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where reports go in mode {@code on} ({@code crashwatch mode on --collector URL}, kept in the mode file, or
 * {@code CRASHWATCH_COLLECTOR}): an {@code https://} URL, or {@code http://} to a loopback address only (a
 * collector on this machine, tests). Anything else is refused when it is set, and again before anything is sent.
 */
public record CollectorUrl(URI uri) {
    /** The environment variable that overrides the collector kept in the store. */
    public static final String ENV = "CRASHWATCH_COLLECTOR";

    /** Parses and checks a URL a user gave; the message says what is wrong. */
    public static CollectorUrl parse(String text) throws IllegalArgumentException {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + shorten(text) + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + shorten(text) + "' is not a collector URL (https://host[:port][/path])");
        }
        if (scheme.equals("http")) {
            if (!loopback(uri.getHost())) {
                throw new IllegalArgumentException("plain http:// only to a loopback address (127.0.0.1, ::1, localhost);"
                        + " use https:// for " + uri.getHost());
            }
        } else if (!scheme.equals("https")) {
            throw new IllegalArgumentException("'" + shorten(text) + "': a collector URL starts with https://");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new CollectorUrl(URI.create(scheme + "://" + uri.getRawAuthority() + path.replaceAll("/+$", "")));
    }

    /** {@code path} (starting with {@code /}) under the collector's URL. */
    public URI resolve(String path) {
        return URI.create(uri + path);
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    /** An IP literal of the loopback range, or {@code localhost}; no name is looked up in DNS. */
    private static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
