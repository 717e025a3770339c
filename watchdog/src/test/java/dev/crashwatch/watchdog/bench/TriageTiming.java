package dev.crashwatch.watchdog.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Times CLI command lines as a user runs them: {@code java -jar crashwatch.jar LINE} against the store {@code STORE},
 * wall clock, interleaved over {@code rounds} rounds, with {@code crashwatch mode} (JVM start, nothing read) as the
 * baseline of the same run. With {@code --no-cache} the derived cache is deleted before every run (every counter
 * file parsed). Prints median and min per line and the median's ratio to the baseline's.
 *
 * <p>Usage: {@code TriageTiming JAR STORE ROUNDS [--no-cache] 'top --json' 'compare --base A --new B --json'}
 */
public final class TriageTiming {
    private TriageTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Paths.get(args[0]);
        Path store = Paths.get(args[1]);
        int rounds = Integer.parseInt(args[2]);
        boolean noCache = args.length > 3 && args[3].equals("--no-cache");
        List<String> lines = new ArrayList<>(List.of("mode"));
        lines.addAll(Arrays.asList(args).subList(noCache ? 4 : 3, args.length));
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (String line : lines) {
                if (noCache) {
                    deleteCache(store);
                }
                times.computeIfAbsent(line, l -> new ArrayList<>()).add(run(jar, store, line));
            }
        }
        double baseline = median(times.get("mode"));
        times.forEach((line, t) -> System.out.printf("%-50s median %.3f s  min %.3f s  x%.1f of mode%n", line,
                median(t), t.stream().min(Comparator.naturalOrder()).orElseThrow(), median(t) / baseline));
    }

    private static double run(Path jar, Path store, String line) throws Exception {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(Arrays.asList(line.split(" ")));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("CRASHWATCH_DIR", store.toString());
        long start = System.nanoTime();
        int status = pb.start().waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (status != 0) {
            throw new IllegalStateException(line + " exited " + status);
        }
        return seconds;
    }

    private static void deleteCache(Path store) throws Exception {
        try (Stream<Path> files = Files.list(store.resolve("cache"))) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // no cache yet
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
