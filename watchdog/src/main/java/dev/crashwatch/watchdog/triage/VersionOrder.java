package dev.crashwatch.watchdog.triage;

import java.util.Comparator;

/**
 * Orders version strings as release engineers expect; the one rule for the local triage and the fleet's
 * ({@code docs/fleet.md}, "Version order"). Semantic versions order as semver says, prereleases included
 * ({@code 2.4.0-rc1 < 2.4.0-rc2 < 2.4.0 < 2.4.1}), with build metadata after {@code +} ignored. Any other version
 * follows the same rule part by part: the text before the first dash is split at dots and compared part by part,
 * numbers by value ({@code 2.10} after {@code 2.9}) and before text; a version with a part after a dash (a
 * prerelease) comes before the same version without one. Unlike strict semver, digits inside a text part also
 * compare by value ({@code rc9 < rc10}). Versions that this rule finds equal ({@code 2.4} and {@code 2.4.0+b7})
 * are ordered by their text, so two different strings are never the same version.
 */
public final class VersionOrder implements Comparator<String> {
    /** The order. */
    public static final VersionOrder INSTANCE = new VersionOrder();

    private VersionOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int c = compareVersions(withoutBuild(a), withoutBuild(b));
        return c != 0 ? c : a.compareTo(b);
    }

    private static String withoutBuild(String v) {
        int plus = v.indexOf('+');
        return plus < 0 ? v : v.substring(0, plus);
    }

    private static int compareVersions(String a, String b) {
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
        return na != nb ? (na ? -1 : 1) : compareText(a, b);
    }

    /** Text, with each run of digits compared by value: {@code rc9 < rc10}. */
    private static int compareText(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            if (isDigit(a.charAt(i)) && isDigit(b.charAt(j))) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                String da = a.substring(i, ei);
                String db = b.substring(j, ej);
                int c = isNumber(da) && isNumber(db) ? Long.compare(Long.parseLong(da), Long.parseLong(db)) : 0;
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (a.charAt(i) != b.charAt(j)) {
                    return Character.compare(a.charAt(i), b.charAt(j));
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
