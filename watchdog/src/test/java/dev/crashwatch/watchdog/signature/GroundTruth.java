package dev.crashwatch.watchdog.signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The corpus's {@code ground-truth.txt}: groups that share a name, pairs that differ, secrets, malformed files, lines. */
record GroundTruth(List<List<String>> groups, List<List<String>> pairs, List<String> secrets, List<String> malformed,
                   List<List<String>> lines) {
    static GroundTruth read(Path file) throws IOException {
        GroundTruth truth = new GroundTruth(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            String verb = line.substring(0, space);
            String rest = line.substring(space + 1);
            switch (verb) {
                case "same" -> truth.groups().add(List.of(rest.split(" ")));
                case "differ" -> truth.pairs().add(List.of(rest.split(" ")));
                case "secret" -> truth.secrets().add(rest);
                case "malformed" -> truth.malformed().add(rest);
                case "line" -> truth.lines().add(List.of(rest.split(" \\| ", 2)));
                default -> throw new IllegalArgumentException("unknown ground-truth line: " + line);
            }
        }
        return truth;
    }
}
