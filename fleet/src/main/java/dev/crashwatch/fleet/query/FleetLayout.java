package dev.crashwatch.fleet.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where things are in a reports folder. The collector writes {@code received=YYYY-MM-DD/<report id>.json} (one
 * immutable file per accepted report, by the UTC day it was accepted) and keeps its own files under
 * {@code _collector/}; fleet triage keeps everything of its own under {@code _fleet/}: the compacted days and the
 * triage file of fixed crashes. The {@code received} folder key is not a report field, so DuckDB's hive
 * partitioning never overrides one.
 */
public record FleetLayout(Path root) {
    /** The key of the day folders. */
    public static final String DAY_KEY = "received";
    private static final String DAY_PREFIX = DAY_KEY + "=";
    private static final int FOREIGN_NAMES_SHOWN = 3;

    /** The folder of one received day. */
    public Path day(LocalDate day) {
        return root.resolve(DAY_PREFIX + day);
    }

    /** Fleet triage's own folder. */
    public Path own() {
        return root.resolve("_fleet");
    }

    /** Where the compacted generations of one received day live. */
    public Path compacted(LocalDate day) {
        return own().resolve("compacted").resolve(DAY_PREFIX + day);
    }

    /** The triage file: which crashes are fixed, and in which version. */
    public Path fixedFile() {
        return own().resolve("fixed.txt");
    }

    /**
     * Every received day that has a folder, oldest first; other folders and files are not days and are ignored. A
     * folder without any day is a reports folder with no report yet when it holds nothing else but the collector's
     * and fleet triage's own folders (and hidden names); one that holds other things is not a reports folder at all
     * (a machine's store, a wrong path), which is an error naming what it holds rather than an empty answer.
     */
    public List<LocalDate> days() throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(root + (Files.exists(root, LinkOption.NOFOLLOW_LINKS) ? ": not a folder" : ": no such folder")
                + "; --reports takes the folder of 'crashwatch collector --dir'");
        }
        List<LocalDate> days = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                String name = child.getFileName().toString();
                Optional<LocalDate> day = dayOf(name).filter(d -> Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS));
                day.ifPresent(days::add);
                if (day.isEmpty() && !name.startsWith("_") && !name.startsWith(".") && !name.equals("lost+found")) {
                    foreign.add(name);
                }
            }
        }
        if (days.isEmpty() && !foreign.isEmpty()) {
            foreign.sort(null);
            throw new IOException(root + ": not a collector's reports folder (no " + DAY_PREFIX + "YYYY-MM-DD folder, but "
                + String.join(", ", foreign.subList(0, Math.min(FOREIGN_NAMES_SHOWN, foreign.size())))
                + (foreign.size() > FOREIGN_NAMES_SHOWN ? ", ..." : "") + "); --reports takes the folder of"
                + " 'crashwatch collector --dir'");
        }
        days.sort(null);
        return days;
    }

    /** The day a folder name stands for, if it is a day folder's name. */
    static Optional<LocalDate> dayOf(String folderName) {
        if (!folderName.startsWith(DAY_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(folderName.substring(DAY_PREFIX.length())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
