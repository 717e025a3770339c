package dev.crashwatch.watchdog.triage;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The questions a release engineer asks of a store, answered from its counter files read once: top crashes,
 * crashes per week per program and version, and what changed between two versions. Only counters under
 * {@code crash/} count as crashes ({@code crashwatch/runs} counts runs).
 */
public final class Triage {
    private final List<CounterFile> files;

    private Triage(List<CounterFile> files) {
        this.files = files;
    }

    /** Triage over every counter file of {@code store}. */
    public static Triage load(Store store) throws IOException {
        return new Triage(store.counterFiles());
    }

    /**
     * Triage over the counter files of the program and version {@code filter} names (all when it names none),
     * reading no other file.
     *
     * @throws NotInStoreException when it names a program or version the store does not have
     */
    public static Triage load(Store store, CounterFilter filter) throws IOException, NotInStoreException {
        List<CounterFile> files = store.counterFiles(filter.program(), filter.version());
        if (files.isEmpty() && (filter.program().isPresent() || filter.version().isPresent())) {
            load(store).require(filter);
        }
        return new Triage(files);
    }

    /**
     * Compares two versions reading only their counter files.
     *
     * @throws NotInStoreException when either version has no counter file
     */
    public static Comparison compare(Store store, Optional<String> program, String baseVersion, String newVersion)
            throws IOException, NotInStoreException {
        List<CounterFile> files = new java.util.ArrayList<>(store.counterFiles(program, Optional.of(baseVersion)));
        if (!newVersion.equals(baseVersion)) {
            files.addAll(store.counterFiles(program, Optional.of(newVersion)));
        }
        Triage two = new Triage(files);
        if (!two.versions(program).containsAll(List.of(baseVersion, newVersion))) {
            return load(store).compare(program, baseVersion, newVersion);
        }
        return two.compare(program, baseVersion, newVersion);
    }

    /** Triage over the given counter files. */
    public static Triage of(List<CounterFile> files) {
        return new Triage(List.copyOf(files));
    }

    /** True when the store holds no counter file at all. */
    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** Crash counters of the files {@code filter} selects, summed and ranked, most frequent first. */
    public List<RankedCrash> top(CounterFilter filter) {
        Ranking ranking = new Ranking();
        files.stream().filter(f -> filter.matches(f.key())).forEach(ranking::add);
        return ranking.ranked();
    }

    /** Crashes per week per program and version for the files {@code filter} selects. */
    public List<WeekTotal> weeklyTotals(CounterFilter filter) {
        WeeklyTotals totals = new WeeklyTotals();
        files.stream().filter(f -> filter.matches(f.key())).forEach(totals::add);
        return totals.list();
    }

    /**
     * Compares {@code newVersion} with {@code baseVersion} (of {@code program}, or of every program when empty).
     *
     * @throws NotInStoreException when either version has no counter file
     */
    public Comparison compare(Optional<String> program, String baseVersion, String newVersion)
            throws NotInStoreException {
        VersionTally base = tally(program, baseVersion);
        VersionTally next = tally(program, newVersion);
        return Comparer.compare(program, baseVersion, base, newVersion, next);
    }

    /** Every program in the store, sorted. */
    public List<String> programs() {
        TreeSet<String> programs = new TreeSet<>();
        files.forEach(f -> programs.add(f.key().program()));
        return List.copyOf(programs);
    }

    /** Every version of {@code program} (of any program when empty), oldest first. */
    public List<String> versions(Optional<String> program) {
        TreeSet<String> versions = new TreeSet<>(VersionOrder.INSTANCE);
        files.stream().filter(f -> program.map(f.key().program()::equals).orElse(true))
                .forEach(f -> versions.add(f.key().version()));
        return List.copyOf(versions);
    }

    /** Throws {@link NotInStoreException} unless {@code version} has a counter file (of {@code program}). */
    public void requireVersion(Optional<String> program, String version) throws NotInStoreException {
        requireProgram(program);
        List<String> known = versions(program);
        if (!known.contains(version)) {
            throw new NotInStoreException("version", version, known);
        }
    }

    /** Throws {@link NotInStoreException} unless {@code program}, when given, has a counter file. */
    public void requireProgram(Optional<String> program) throws NotInStoreException {
        if (program.isPresent() && !programs().contains(program.get())) {
            throw new NotInStoreException("program", program.get(), programs());
        }
    }

    /** Checks the program and version a filter names, when it names them. */
    public void require(CounterFilter filter) throws NotInStoreException {
        requireProgram(filter.program());
        if (filter.version().isPresent()) {
            requireVersion(filter.program(), filter.version().get());
        }
    }

    private VersionTally tally(Optional<String> program, String version) throws NotInStoreException {
        requireVersion(program, version);
        VersionTally tally = new VersionTally();
        CounterFilter filter = CounterFilter.ALL.withProgram(program.orElse(null)).withVersion(version);
        files.stream().filter(f -> filter.matches(f.key())).forEach(tally::add);
        return tally;
    }
}
