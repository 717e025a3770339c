import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportEntry;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A simulated fleet for bench/fleet.sh, written as the collector writes it: MACHINES machines x WEEKS weeks, one
 * crashwatch-report/v1 file per machine-week under received=DAY/. 20 versions with prereleases, released every
 * WEEKS/20 weeks; a fifth of the machines test the prereleases; each machine upgrades after its own lag of 0-8
 * weeks. Crash stacks are drawn from a Zipf distribution (s = 1.1) over 2,000 stacks, each stack born in a version
 * (the 50 most common in the first) and some fixed in a later one. Received: 1-7 days after the week, 2% up to
 * 20 days late. Fixed seed: the same fleet every run.
 *
 * Usage: java -cp watchdog/target/crashwatch.jar bench/FleetGen.java DIR [MACHINES] [WEEKS]
 */
public class FleetGen {
    static final List<String> VERSIONS = List.of("2.0.0-rc1", "2.0.0", "2.1.0-rc1", "2.1.0-rc2", "2.1.0", "2.2.0-rc1",
        "2.2.0", "2.2.1", "2.3.0-rc1", "2.3.0-rc2", "2.3.0", "2.3.1", "2.4.0-rc1", "2.4.0-rc2", "2.4.0", "2.4.1",
        "2.5.0-rc1", "2.5.0", "2.5.1", "2.6.0");
    static final int STACKS = 2000;
    static final List<String> JAVAS = List.of("17.0.15", "21.0.7", "11.0.27");
    static final List<String> SYSTEMS = List.of("linux-debian-12/amd64", "linux-ubuntu-24.04/amd64", "macos-15/aarch64",
        "windows-11/amd64");

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int machines = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int weeks = args.length > 2 ? Integer.parseInt(args[2]) : 52;
        SplittableRandom random = new SplittableRandom(42);
        double[] zipf = cumulativeZipf(STACKS, 1.1);
        String[] names = new String[STACKS];
        int[] born = new int[STACKS];
        int[] fixed = new int[STACKS];
        for (int s = 0; s < STACKS; s++) {
            names[s] = "crash/crash\njava.lang.IllegalStateException\napp.module" + s % 37 + ".Part" + s + ".run:+" + s % 11
                + "\napp.Main.main:+4";
            born[s] = s < 50 ? 0 : (s * 7) % VERSIONS.size();
            fixed[s] = s % 5 == 0 ? Math.min(VERSIONS.size(), born[s] + 3) : VERSIONS.size();
        }
        LocalDate first = LocalDate.now().minusWeeks(weeks + 3L).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        double releaseEvery = (double) weeks / VERSIONS.size();
        long reports = 0;
        for (int m = 0; m < machines; m++) {
            boolean tester = random.nextInt(5) == 0;
            int lag = random.nextInt(9);
            String java = JAVAS.get(random.nextInt(JAVAS.size()));
            String[] system = SYSTEMS.get(random.nextInt(SYSTEMS.size())).split("/");
            for (int w = 0; w < weeks; w++) {
                int v = version(w - lag, releaseEvery, tester);
                Map<String, Long> counters = new LinkedHashMap<>();
                counters.put("crashwatch/runs", 1L + random.nextInt(40));
                int crashes = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(3);
                for (int c = 0; c < crashes; c++) {
                    int s = draw(zipf, random);
                    if (v >= born[s] && v < fixed[s]) {
                        counters.merge(names[s], 1L + random.nextInt(5), Long::sum);
                    }
                }
                LocalDate week = first.plusWeeks(w);
                LocalDate received = week.plusDays(random.nextInt(50) == 0 ? 8 + random.nextInt(13) : 7 + random.nextInt(7));
                String id = String.format("%016x%016x", random.nextLong(), random.nextLong());
                Report report = new Report(id, week, List.of(new ReportEntry("app", VERSIONS.get(v), java, system[0],
                    system[1], counters)));
                Path day = root.resolve("received=" + received);
                if (!Files.isDirectory(day)) {
                    Files.createDirectories(day);
                }
                Files.write(day.resolve(id + ".json"), ReportJson.write(report).getBytes(StandardCharsets.UTF_8));
                reports++;
            }
        }
        System.out.println(reports + " reports of " + machines + " machines x " + weeks + " weeks in " + root);
    }

    /** The newest version released by week {@code w}: releases only, or prereleases too for testers. */
    static int version(int w, double releaseEvery, boolean tester) {
        int newest = Math.max(0, Math.min(VERSIONS.size() - 1, (int) Math.floor(Math.max(0, w) / releaseEvery)));
        while (!tester && newest > 0 && VERSIONS.get(newest).contains("-")) {
            newest--;
        }
        return tester || !VERSIONS.get(newest).contains("-") ? newest : 1;
    }

    static double[] cumulativeZipf(int n, double s) {
        double[] c = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1 / Math.pow(k + 1, s);
            c[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            c[k] /= sum;
        }
        return c;
    }

    static int draw(double[] cumulative, SplittableRandom random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
