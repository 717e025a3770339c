package dev.crashwatch.watchdog.triage;

import java.util.Comparator;

/**
 * Orders version strings as people expect: numeric parts by value ({@code 2.10} after {@code 2.9}), other parts
 * as text, and a pre-release after its dash before the release ({@code 2.4.0-rc1} before {@code 2.4.0}).
 */
final class VersionOrder implements Comparator<String> {
    static final VersionOrder INSTANCE = new VersionOrder();

    @Override
    public int compare(String a, String b) {
        String[] pa = a.split("-", 2);
        String[] pb = b.split("-", 2);
        int c = compareDotted(pa[0], pb[0]);
        if (c != 0) {
            return c;
        }
        if (pa.length != pb.length) {
            return pa.length > pb.length ? -1 : 1;
        }
        return pa.length == 1 ? 0 : compareDotted(pa[1], pb[1]);
    }

    private static int compareDotted(String a, String b) {
        String[] sa = a.split("\\.");
        String[] sb = b.split("\\.");
        for (int i = 0; i < Math.min(sa.length, sb.length); i++) {
            int c = comparePart(sa[i], sb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(sa.length, sb.length);
    }

    private static int comparePart(String a, String b) {
        boolean na = isNumber(a);
        boolean nb = isNumber(b);
        if (na && nb) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return na != nb ? (na ? -1 : 1) : a.compareTo(b);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
