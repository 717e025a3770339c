package dev.crashwatch.fleet.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One generation of a compacted day: {@code reports-NNNNNN.parquet} (the counted reports' rows, immutable) and
 * {@code reports-NNNNNN.manifest.json} beside it. The manifest is written first and the Parquet file is renamed
 * into place last, so a generation exists only once both are complete; the newest complete one stands for the day.
 */
record Compaction(LocalDate day, int generation, Path parquet, Path manifest) {
    private static final Pattern PARQUET = Pattern.compile("reports-(\\d{6})\\.parquet");

    static Compaction of(FleetLayout layout, LocalDate day, int generation) {
        Path dir = layout.compacted(day);
        String base = String.format("reports-%06d", generation);
        return new Compaction(day, generation, dir.resolve(base + ".parquet"), dir.resolve(base + ".manifest.json"));
    }

    /** Every complete generation of the day, oldest first. */
    static List<Compaction> all(FleetLayout layout, LocalDate day) throws IOException {
        List<Compaction> all = new ArrayList<>();
        Path dir = layout.compacted(day);
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = PARQUET.matcher(f.getFileName().toString());
                if (m.matches()) {
                    Compaction c = of(layout, day, Integer.parseInt(m.group(1)));
                    if (Files.isRegularFile(c.manifest())) {
                        all.add(c);
                    }
                }
            }
        }
        all.sort((a, b) -> Integer.compare(a.generation(), b.generation()));
        return all;
    }

    static Optional<Compaction> newest(FleetLayout layout, LocalDate day) throws IOException {
        List<Compaction> all = all(layout, day);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
