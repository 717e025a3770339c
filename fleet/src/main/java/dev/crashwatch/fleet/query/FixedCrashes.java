package dev.crashwatch.fleet.query;

import dev.crashwatch.watchdog.store.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The triage file, {@code _fleet/fixed.txt}: one line per crash marked fixed, {@code STACKID VERSION [PROGRAM]},
 * with {@code #} comments; a person may edit it. {@code crashwatch fleet fixed} adds or replaces a line (one mark
 * per stack ID and program) and rewrites the file atomically.
 */
public final class FixedCrashes {
    static final Pattern STACK_ID = Pattern.compile("[A-Za-z0-9_-]{6}");
    private static final Pattern WORD = Pattern.compile("[^\\s#]{1,200}");
    private static final String HEADER = """
        # crashwatch fleet triage: crashes marked fixed (crashwatch fleet fixed STACKID --in VERSION [--program P]).
        # One line each: STACKID VERSION [PROGRAM]. A crash seen again in VERSION or a later version is a regression;
        # reports from earlier versions never are. Lines may be edited by hand; '#' starts a comment.
        """;

    private FixedCrashes() {
    }

    /** The marks in the file, in file order; none when there is no file. A malformed line is an error naming it. */
    public static List<FixedCrash> read(FleetLayout layout) throws IOException {
        Path file = layout.fixedFile();
        List<FixedCrash> marks = new ArrayList<>();
        if (!Files.exists(file)) {
            return marks;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (words.length < 2 || words.length > 3 || !STACK_ID.matcher(words[0]).matches()) {
                throw new IOException(file + ":" + (i + 1) + ": expected 'STACKID VERSION [PROGRAM]'");
            }
            marks.add(new FixedCrash(words[0], words[1], words.length == 3 ? Optional.of(words[2]) : Optional.empty()));
        }
        return marks;
    }

    /** Adds the mark, replacing an earlier one for the same stack ID and program. */
    public static void mark(FleetLayout layout, FixedCrash mark) throws IOException {
        check(mark);
        List<FixedCrash> marks = new ArrayList<>(read(layout));
        marks.removeIf(m -> m.stackId().equals(mark.stackId()) && m.program().equals(mark.program()));
        marks.add(mark);
        write(layout, marks);
    }

    /** Removes the marks of {@code stackId} (for {@code program}, or all of them); true if there was one. */
    public static boolean unmark(FleetLayout layout, String stackId, Optional<String> program) throws IOException {
        List<FixedCrash> marks = new ArrayList<>(read(layout));
        boolean removed = marks.removeIf(m -> m.stackId().equals(stackId)
            && (program.isEmpty() || m.program().equals(program)));
        if (removed) {
            write(layout, marks);
        }
        return removed;
    }

    /** Fails unless the mark can be written as one line that reads back the same. */
    public static void check(FixedCrash mark) {
        if (!STACK_ID.matcher(mark.stackId()).matches()) {
            throw new IllegalArgumentException("'" + mark.stackId() + "' is not a stack ID (6 characters A-Z a-z 0-9 _ -)");
        }
        if (!WORD.matcher(mark.fixedIn()).matches() || mark.program().filter(p -> !WORD.matcher(p).matches()).isPresent()) {
            throw new IllegalArgumentException("a version or program must be one word without '#'");
        }
    }

    private static void write(FleetLayout layout, List<FixedCrash> marks) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        for (FixedCrash m : marks) {
            text.append(m.stackId()).append(' ').append(m.fixedIn());
            m.program().ifPresent(p -> text.append(' ').append(p));
            text.append('\n');
        }
        Files.createDirectories(layout.own());
        AtomicFiles.replace(layout.fixedFile(), text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
