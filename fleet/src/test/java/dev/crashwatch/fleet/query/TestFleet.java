package dev.crashwatch.fleet.query;

import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportEntry;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small fleet with a known answer, written as the collector writes it ({@code received=DAY/<id>.json}, one v1
 * report per machine-week). Planted: crash A everywhere; N new in 2.4.0-rc2 (and in 2.4.0); R fixed in 2.3.1 and
 * back in 2.4.0 (and still on old 2.3.0 clients); O fixed in 2.3.1 and seen only in old versions after the fix;
 * T in another program. Reports 3, 5, 8 and 15 count no crash: they only say their version ran. The expected
 * answers in the tests are worked out by hand from the table in {@link #reports}; the stack IDs were computed
 * independently (FNV-1a in Python).
 */
public final class TestFleet {
    public static final String A = "crash/crash\njava.lang.IllegalStateException\napp.Main.main:+2";
    public static final String N = "crash/crash\njava.lang.NullPointerException\napp.Rc2Feature.start:+7\napp.Main.main:+4";
    public static final String R = "crash/crash\njava.lang.ArrayIndexOutOfBoundsException\napp.Parser.next:+12\napp.Main.main:+3";
    public static final String O = "crash/crash\njava.util.ConcurrentModificationException\napp.OldCache.sweep:+5";
    public static final String T = "crash/fatal\nSIGSEGV\nlibc.so.6+0x1234\ntool.Native.poke:+0";
    public static final String A_ID = "yUO-tA";
    public static final String N_ID = "Mfn6Nw";
    public static final String R_ID = "tGZFgg";
    public static final String O_ID = "7UlyiA";
    public static final String T_ID = "UGzPdw";
    public static final String RUNS = "crashwatch/runs";

    public static final LocalDate W1 = LocalDate.parse("2026-10-05");
    public static final LocalDate W2 = W1.plusWeeks(1);
    public static final LocalDate W3 = W1.plusWeeks(2);
    public static final LocalDate W4 = W1.plusWeeks(3);

    /** The late report: machine 16, week 2, app 2.3.1, one crash A, received on report 4's day after compaction. */
    public static final int LATE = 16;

    private TestFleet() {
    }

    public record Planted(int machine, LocalDate week, LocalDate received, List<ReportEntry> entries) {
        String id() {
            return id(machine);
        }

        public static String id(int machine) {
            return String.format("%032x", machine);
        }
    }

    static List<Planted> reports() {
        List<Planted> r = new ArrayList<>();
        r.add(new Planted(1, W1, W1.plusDays(7), List.of(app("2.3.0", A, 2, R, 1, RUNS, 5))));
        r.add(new Planted(2, W1, W1.plusDays(7), List.of(app("2.3.0", A, 1, O, 1))));
        r.add(new Planted(3, W1, W1.plusDays(8), List.of(app("2.3.0", RUNS, 3))));
        r.add(new Planted(4, W2, W2.plusDays(7), List.of(app("2.3.1", A, 1, RUNS, 2))));
        r.add(new Planted(5, W2, W2.plusDays(7), List.of(app("2.3.1", RUNS, 4))));
        r.add(new Planted(6, W2, W2.plusDays(8), List.of(app("2.3.0", O, 2))));
        r.add(new Planted(7, W2, W2.plusDays(8), List.of(app("2.4.0-rc1", A, 3))));
        r.add(new Planted(8, W3, W3.plusDays(7), List.of(app("2.4.0-rc1", RUNS, 1))));
        r.add(new Planted(9, W3, W3.plusDays(7), List.of(app("2.4.0-rc2", N, 2, A, 1))));
        r.add(new Planted(10, W3, W3.plusDays(7), List.of(app("2.4.0-rc2", N, 1))));
        r.add(new Planted(11, W3, W3.plusDays(9), List.of(entry("app", "2.3.0", "21.0.2", "linux-debian-12", "amd64",
            R, 4, O, 1))));
        r.add(new Planted(12, W4, W4.plusDays(7), List.of(entry("app", "2.4.0", "17.0.15", "macos-14", "aarch64",
            R, 1, N, 1))));
        r.add(new Planted(13, W4, W4.plusDays(7), List.of(app("2.4.0", A, 2))));
        r.add(new Planted(14, W4, W4.plusDays(7), List.of(app("2.4.0-rc2", N, 3),
            entry("tool", "1.0", "17.0.15", "linux-debian-12", "amd64", T, 1))));
        r.add(new Planted(15, W4, W4.plusDays(8), List.of(app("2.4.0"))));
        return r;
    }

    public static Planted late() {
        return new Planted(LATE, W2, W2.plusDays(7), List.of(app("2.3.1", A, 1)));
    }

    /** Writes every planted report; returns the layout. */
    public static FleetLayout write(Path root) throws IOException {
        for (Planted p : reports()) {
            write(root, p);
        }
        return new FleetLayout(root);
    }

    public static Path write(Path root, Planted p) throws IOException {
        Path day = Files.createDirectories(root.resolve("received=" + p.received()));
        return Files.writeString(day.resolve(p.id() + ".json"), ReportJson.write(new Report(p.id(), p.week(), p.entries())));
    }

    private static ReportEntry app(String version, Object... counters) {
        return entry("app", version, "17.0.15", "linux-debian-12", "amd64", counters);
    }

    private static ReportEntry entry(String program, String version, String java, String os, String arch,
                                     Object... counters) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < counters.length; i += 2) {
            map.put((String) counters[i], ((Integer) counters[i + 1]).longValue());
        }
        return new ReportEntry(program, version, java, os, arch, map);
    }
}
