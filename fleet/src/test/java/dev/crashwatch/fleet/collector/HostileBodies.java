package dev.crashwatch.fleet.collector;

import dev.crashwatch.fleet.testing.Http;
import dev.crashwatch.fleet.testing.Reports;
import dev.crashwatch.watchdog.store.ReportIds;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generates request bodies that must all be refused, each built to break one rule for sure: malformed JSON, deep
 * nesting, huge strings, gzip bombs, wrong types, unknown fields, fields named twice, a second value after the
 * report, bad weeks, counts and names that are not code identifiers. Seeded, so a failure can be replayed.
 */
final class HostileBodies {
    /** A body and the Content-Encoding to send it with (null: none). */
    record Body(String kind, byte[] bytes, String encoding) {
    }

    private static final List<byte[]> BOMBS = List.of(
            Http.gzip(new byte[20 * 1024 * 1024]),
            Http.gzip(("{\"format\":\"crashwatch-report/v1\",\"id\":\"" + "0".repeat(8 * 1024 * 1024) + "\"}")
                    .getBytes(StandardCharsets.UTF_8)),
            Http.gzip("[".repeat(4 * 1024 * 1024).getBytes(StandardCharsets.UTF_8)));
    private static final String[] WRONG_VALUES = {"1", "-1", "1.5", "true", "null", "[]", "{}", "\"\"", "[1,2]",
            "{\"a\":1}", "1e400", "\"x\"", "99999999999999999999999"};
    private static final String[] LEAKS = {"order 4711 for alice@example.com", "/home/alice/secret.txt",
            "Exception in thread \"main\"", "SELECT * FROM users", "a.B.c:+1 password=hunter2", "0x7f3a12345678",
            "a.B.c(Main.java:12)", "\u0000\u0001", "x\ty", "é è ü", "café bar", "a.B.c:+1\r\nExtra"};

    private final Random random;

    HostileBodies(long seed) {
        this.random = new Random(seed);
    }

    Body next() {
        int kind = random.nextInt(13);
        Body body = switch (kind) {
            case 0 -> new Body("random bytes", randomBytes(random.nextInt(3000)), null);
            case 1 -> new Body("truncated json", truncated(), null);
            case 2 -> new Body("stray quote", strayQuote(), null);
            case 3 -> new Body("deep nesting", deep(), null);
            case 4 -> new Body("huge string", huge(), null);
            case 5 -> new Body("gzip bomb", BOMBS.get(random.nextInt(BOMBS.size())), "gzip");
            case 6 -> new Body("not gzip", randomBytes(1 + random.nextInt(500)), "gzip");
            case 7 -> new Body("wrong type", wrongType(), null);
            case 8 -> new Body("unknown field", unknownField(), null);
            case 9 -> new Body("bad week or count", badWeekOrCount(), null);
            case 10 -> new Body("field named twice", namedTwice(), null);
            case 11 -> new Body("value after the report", valueAfter(), null);
            default -> new Body("non-identifier name", leakingName(), null);
        };
        if (kind >= 7 && random.nextInt(4) == 0) {
            return new Body(body.kind() + " (gzipped)", Http.gzip(body.bytes()), "gzip");
        }
        return body;
    }

    private String valid() {
        return ReportJson.write(Reports.simple(ReportIds.newId(), 1 + random.nextInt(9)));
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private byte[] truncated() {
        String v = valid().strip();
        return v.substring(0, random.nextInt(v.length() - 1)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] strayQuote() {
        String v = valid();
        int at = 1 + random.nextInt(v.length() - 2);
        return (v.substring(0, at) + "\"" + v.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] deep() {
        int depth = 500 + random.nextInt(120_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        StringBuilder b = new StringBuilder();
        if (random.nextBoolean()) {
            b.append("{\"format\":\"crashwatch-report/v1\",\"id\":");
        }
        b.append(open.repeat(depth));
        if (random.nextBoolean()) {
            b.append("1").append((open.equals("[") ? "]" : "}").repeat(depth));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] huge() {
        String big = "a".repeat(5_000 + random.nextInt(400_000));
        String v = valid();
        String out = switch (random.nextInt(4)) {
            case 0 -> v.replaceFirst("\"id\" : \"[0-9a-f]+\"", "\"id\" : \"" + big + "\"");
            case 1 -> v.replace("\"app\"", "\"" + big + "\"");
            case 2 -> v.replace("app.Main.main:+2", "app.Main." + big);
            default -> v.replace("\"linux-debian-12\"", "\"" + big + "\"");
        };
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] wrongType() {
        String v = valid();
        String wrong = WRONG_VALUES[random.nextInt(WRONG_VALUES.length)];
        String out = switch (random.nextInt(6)) {
            case 0 -> v.replaceFirst("\"id\" : \"[0-9a-f]+\"", "\"id\" : " + wrong);
            case 1 -> v.replaceFirst("\"week\" : \"[0-9-]+\"", "\"week\" : " + wrong.replace("\"\"", "1"));
            case 2 -> v.replaceFirst("\"entries\" : \\[", "\"entries\" : [ " + wrong.replace("{}", "1") + ",");
            case 3 -> v.replaceFirst(" : \\d+\n", " : " + wrong.replace("1", "-1").replace("\"x\"", "\"7\"") + "\n");
            case 4 -> v.replaceFirst("\"counters\" : \\{", "\"counters\" : [ {").replaceFirst("}\n  } ]", "} ]\n  } ]");
            default -> v.replace("\"crashwatch-report/v1\"", wrong);
        };
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] unknownField() {
        String name = random.nextBoolean() ? "host" : Long.toHexString(random.nextLong());
        String v = valid();
        String out = random.nextBoolean() ? v.replaceFirst("\"entries\"", "\"" + name + "\" : 1, \"entries\"")
                : v.replaceFirst("\"counters\"", "\"" + name + "\" : \"x\", \"counters\"");
        return out.getBytes(StandardCharsets.UTF_8);
    }

    /** A valid report with one field repeated before itself: where the last copy wins, it reads as valid. */
    private byte[] namedTwice() {
        String v = valid();
        String field = List.of("\"format\" : ", "\"id\" : ", "\"week\" : ", "\"entries\" : ", "\"program\" : ",
                "\"version\" : ", "\"counters\" : ", "\"crash/crash").get(random.nextInt(8));
        String copy = field.startsWith("\"crash/") ? "\"crash/crash\\njava.lang.IllegalStateException\\napp.Main.main:+2\" : 7, "
                : field + (random.nextBoolean() ? "1" : "\"x\"") + ", ";
        int at = v.indexOf(field);
        return (v.substring(0, at) + copy + v.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    /** A valid report followed by a second value: another report, an object, an array, a number. */
    private byte[] valueAfter() {
        String v = random.nextBoolean() ? valid() : valid().strip();
        String after = switch (random.nextInt(4)) {
            case 0 -> valid();
            case 1 -> "{}";
            case 2 -> "[" + random.nextInt() + "]";
            default -> " " + random.nextInt(1000);
        };
        return (v + after).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] badWeekOrCount() {
        String v = valid();
        String week = Reports.lastWeek().toString();
        String out = switch (random.nextInt(6)) {
            case 0 -> v.replace(week, Reports.lastWeek().plusDays(1 + random.nextInt(6)).toString());
            case 1 -> v.replace(week, Reports.lastWeek().plusWeeks(1 + random.nextInt(500)).toString());
            case 2 -> v.replace(week, Reports.lastWeek().minusWeeks(6 + random.nextInt(5000)).toString());
            case 3 -> v.replace(week, "2026-13-" + random.nextInt(99));
            case 4 -> v.replaceFirst(" : \\d+\n", " : -" + (1 + random.nextInt(1000)) + "\n");
            default -> v.replaceFirst(" : \\d+\n", " : " + (ReportIntake.MAX_COUNT + 1 + random.nextInt(1 << 30)) + "\n");
        };
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] leakingName() {
        String leak = LEAKS[random.nextInt(LEAKS.length)];
        String v = valid();
        String out = switch (random.nextInt(4)) {
            case 0 -> v.replace("app.Main.main:+2", jsonEscape(leak));
            case 1 -> v.replace("java.lang.IllegalStateException", jsonEscape(leak));
            case 2 -> v.replace("\"app\"", "\"" + jsonEscape(leak) + " app\""); // a space: never a key
            default -> v.replace("crash/crash\\n", jsonEscape(leak) + "\\n");
        };
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
