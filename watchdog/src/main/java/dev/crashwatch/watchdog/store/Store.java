package dev.crashwatch.watchdog.store;

import dev.crashwatch.agent.StoreDir;
import dev.crashwatch.agent.wire.Pid;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import dev.crashwatch.watchdog.store.counters.CounterFileNames;
import dev.crashwatch.watchdog.store.counters.CounterFileScan;
import dev.crashwatch.watchdog.store.counters.CounterWriter;
import dev.crashwatch.watchdog.store.counters.RecentCrash;
import dev.crashwatch.watchdog.store.files.AtomicFiles;
import dev.crashwatch.watchdog.store.files.DirectoryLock;
import dev.crashwatch.watchdog.store.files.OwnDirectory;
import dev.crashwatch.watchdog.store.files.PrivateFiles;
import dev.crashwatch.watchdog.store.files.RegularFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The local store: counter files, the mode, kept malformed inputs, private run directories and logs,
 * all under one directory (system property {@code crashwatch.dir}, else {@code $CRASHWATCH_DIR}, else the user
 * config directory + {@code /crashwatch}). Layout, file format and the crash-safety argument: {@code docs/store.md}.
 */
public final class Store {
    /** Plain counter a watchdog may add one to per run it watched, so rates per run can be computed. */
    public static final String RUNS_COUNTER = "crashwatch/runs";
    /** The store format this crashwatch reads and writes; a store marked newer is refused ({@link StoreFormat}). */
    public static final int FORMAT_VERSION = 1;
    static final String COUNTERS = "counters";
    static final String MALFORMED = "malformed";
    /** The directory of the launchers' private run directories. */
    public static final String RUN = "run";
    /** The crash pipe's name in a run directory. */
    public static final String RUN_PIPE = "crash.pipe";
    static final String LOG = "log";
    static final String CACHE = "cache";
    static final String REPORTS = "reports";
    private static final List<String> SUBDIRECTORIES =
            List.of(COUNTERS, MALFORMED, RUN, LOG, CACHE, REPORTS, dev.crashwatch.agent.wire.Spool.DIR);

    private final Path dir;
    private final Function<String, String> env;

    private Store(Path dir, Function<String, String> env) {
        this.dir = dir.toAbsolutePath().normalize();
        this.env = env;
    }

    /** The store at the default location (property {@code crashwatch.dir}, {@code $CRASHWATCH_DIR}, config dir). */
    public static Store openDefault() {
        return new Store(StoreDir.dir(null, System.getenv()).toPath(), System::getenv);
    }

    /** The store at {@code dir}; nothing is created until something is written. */
    public static Store at(Path dir) {
        // Not System::getenv: the first lambda of a JVM costs ~15 ms of start-up, and the watchdog's Java half
        // (launch.WatchMain) opens its store beside the child it should not slow down.
        return new Store(dir, new Function<String, String>() {
            @Override
            public String apply(String name) {
                return System.getenv(name);
            }
        });
    }

    /** The store at {@code dir} reading its environment ({@code CRASHWATCH_MODE}) from {@code env}: for tests. */
    static Store at(Path dir, Function<String, String> env) {
        return new Store(dir, env);
    }

    public Path dir() {
        return dir;
    }

    /** Where the counter files are. */
    public Path counterDir() {
        return dir.resolve(COUNTERS);
    }

    /** Where agents spool crash records they could not hand to a watchdog in time ({@code Spool}). */
    public Path spoolDir() {
        return dir.resolve(dev.crashwatch.agent.wire.Spool.DIR);
    }

    /** Where malformed inputs are kept. */
    public Path malformedDir() {
        return dir.resolve(MALFORMED);
    }

    /** The effective mode: {@code CRASHWATCH_MODE}, else the mode file, else {@link Mode#LOCAL}. */
    public Mode mode() {
        return modeSetting().mode();
    }

    /** The effective mode with where it came from and any problem reading it (an invalid value means local). */
    public ModeSetting modeSetting() {
        return new ModeFile(dir.resolve(StoreDir.MODE_FILE)).read(env);
    }

    /**
     * This machine's coarse OS and arch, which name counter files: from the store's {@code host-facts} file,
     * computed with oshi (and the file written) only when it is missing or an OS upgrade made it stale. Once per
     * JVM. See {@link HostFactsFile}.
     */
    public HostFacts hostFacts() {
        return HostFactsFile.facts(dir.resolve(HostFactsFile.NAME));
    }

    /**
     * Runs an increment's code once in memory, touching no file (a counter file written to bytes and read back),
     * so that its classes are loaded and initialized: on a second thread while a watchdog names its first crash,
     * this takes that work off the way from the crash to its counter.
     */
    public void prepareToCount() {
        CounterWriter.prepare();
    }

    /**
     * Why this store must not be used, in one line: the store or one of its directories is a symbolic link, is not
     * this user's, or is writable by others (docs/store.md, "A private store"). Empty when it is fine.
     */
    public Optional<String> refusal() {
        Optional<String> problem = OwnDirectory.problem(dir);
        for (String sub : SUBDIRECTORIES) {
            if (problem.isEmpty()) {
                problem = OwnDirectory.problem(dir.resolve(sub));
            }
        }
        return problem;
    }

    /** Throws with the reason when the store must not be written: see {@link #refusal()}. */
    private void requirePrivate() throws IOException {
        Optional<String> problem = refusal();
        if (problem.isPresent()) {
            throw new IOException("refusing the store: " + problem.get());
        }
    }

    /**
     * The mode file's own setting, whatever {@code CRASHWATCH_MODE} says: the consent to upload is the file's
     * {@code on} and its day, never the environment's ({@code docs/upload.md}).
     */
    public ModeSetting storedModeSetting() {
        return new ModeFile(dir.resolve(StoreDir.MODE_FILE)).readFile();
    }

    /** Writes the mode file ({@code <word> <YYYY-MM-DD>}); {@code CRASHWATCH_MODE}, if set, still wins. */
    public void setMode(Mode mode) throws IOException {
        setMode(mode, Optional.empty());
    }

    /**
     * Writes the mode file with the collector to upload to ({@code <word> <YYYY-MM-DD> <URL>}; empty: keep the one
     * it holds). Setting {@code on} again keeps the day it was first set.
     */
    public void setMode(Mode mode, Optional<CollectorUrl> collector) throws IOException {
        new ModeFile(dir.resolve(StoreDir.MODE_FILE)).write(mode, collector.map(CollectorUrl::toString));
    }

    /** Where the reports made for upload are kept ({@code reports/}, {@code docs/upload.md}). */
    public Path reportsDir() {
        return dir.resolve(REPORTS);
    }

    /**
     * Adds one to {@code counterName} in the file for {@code key}; durable when it returns. Safe against
     * other processes incrementing the same file at the same time and against kill -9 at any instant.
     * Does nothing when the mode is off.
     */
    public void increment(CounterFileKey key, String counterName) throws IOException {
        add(key, Map.of(counterName, 1L));
    }

    /** Adds several counts to the file for {@code key} in one atomic step. Does nothing when the mode is off. */
    public void add(CounterFileKey key, Map<String, Long> counts) throws IOException {
        if (mode() != Mode.OFF) {
            requirePrivate();
            counterWriter().add(key, counts, null);
        }
    }

    /**
     * Adds an imported report entry's counts unless the entry {@code importId} was already added to that file;
     * the counts and the ID land in one atomic step, so a re-import after a crash at any instant counts once.
     * An import is an explicit user action, so it is done whatever the mode.
     *
     * @return false when the entry had already been imported (nothing changed)
     */
    public boolean addImported(CounterFileKey key, Map<String, Long> counts, String importId) throws IOException {
        requirePrivate();
        return counterWriter().add(key, counts, importId);
    }

    /**
     * Adds an imported report entry's counts and records {@code recordId} with them in one atomic step, unless the
     * file already holds an ID that {@code sameReport} accepts (an entry of the same report, imported before).
     *
     * @return the ID of the earlier import that stopped this one, or empty when the counts were added
     */
    public Optional<String> addImportedEntry(CounterFileKey key, Map<String, Long> counts, String recordId,
                                             Predicate<String> sameReport) throws IOException {
        requirePrivate();
        return counterWriter().addUnlessImported(key, counts, recordId, sameReport);
    }

    /**
     * The ID of this store's report of {@code week}: the same at every export of that week and in its upload, made
     * (random) and kept in {@code exported-reports} at the first ({@link ExportedReports}). The one place a report ID
     * is made.
     */
    public String exportedReportId(LocalDate week) throws IOException {
        requirePrivate();
        StoreFormat.checkAndMark(dir);
        return lock().holding(() -> new ExportedReports(dir).idFor(week));
    }

    /** The file that keeps them ({@code exported-reports}), for a person to read. */
    public Path exportedReportsFile() {
        return dir.resolve(ExportedReports.NAME);
    }

    /** The IDs of the reports this store has exported, by week, oldest first. */
    public Map<LocalDate, String> exportedReportIds() throws IOException {
        return new ExportedReports(dir).read();
    }

    /**
     * Adds this machine's own counts unless {@code id} was already added to that file, in one atomic step with the
     * ID (as {@link #addImported}), so that whoever adds them again - a second watchdog finishing the same run - adds
     * nothing; a {@code crash/} counter becomes the file's last recorded crash. Does nothing when the mode is off.
     *
     * @return false when {@code id} was there already, or the mode is off
     */
    public boolean addOnce(CounterFileKey key, Map<String, Long> counts, String id) throws IOException {
        if (mode() == Mode.OFF) {
            return false;
        }
        requirePrivate();
        return counterWriter().add(key, counts, id, true);
    }

    /**
     * Saves input that could not be parsed, whole, as {@link #saveMalformed(byte[])} does, under a name made from
     * {@code id} (letters, digits, {@code .-_} only): saved again under the same ID, it replaces the same file.
     */
    public Path saveMalformed(byte[] raw, String id) throws IOException {
        if (!id.matches("[A-Za-z0-9._-]{1,200}") || id.startsWith(".")) {
            throw new IllegalArgumentException("not a plain name: " + id);
        }
        requirePrivate();
        Path target = PrivateFiles.directories(malformedDir()).resolve(id + ".txt");
        AtomicFiles.replace(target, raw);
        return target;
    }

    /** Saves input that could not be parsed, whole, mode 0600, under {@code malformed/}; returns where. */
    public Path saveMalformed(byte[] raw) throws IOException {
        requirePrivate();
        Path target = PrivateFiles.directories(malformedDir())
                .resolve(LocalDate.now(ZoneOffset.UTC) + "-" + PrivateFiles.randomHex(8) + ".txt");
        AtomicFiles.replace(target, raw);
        return target;
    }

    /** Every kept malformed input, oldest name first. */
    public List<Path> malformedFiles() throws IOException {
        return RegularFiles.list(malformedDir(), p -> !p.getFileName().toString().startsWith("."));
    }

    /** Every counter file in the store, parsed; unreadable files are skipped (see {@link #unreadableFiles()}). */
    public List<CounterFile> counterFiles() throws IOException {
        return scan().read(name -> true);
    }

    /**
     * The counter files of one program and version (each optional), read without parsing the other files: the
     * file name tells which files may hold them, the key inside decides.
     */
    public List<CounterFile> counterFiles(Optional<String> program, Optional<String> version) throws IOException {
        String head = program.map(CounterFileNames::part).orElse("") + "@"
                + version.map(v -> CounterFileNames.part(v) + "-").orElse("");
        List<CounterFile> files = scan().read(name -> program.isPresent() ? name.startsWith(head)
                : name.contains(head));
        return files.stream().filter(f -> program.map(f.key().program()::equals).orElse(true)
                && version.map(f.key().version()::equals).orElse(true)).toList();
    }

    /**
     * Counter files that could not be read (for {@code status}): ones with a counter file's name that don't
     * parse, and ones a writer set aside ({@code *.unreadable-*}) before starting a fresh file. None is overwritten.
     */
    public List<Path> unreadableFiles() throws IOException {
        return scan().unreadable();
    }

    /** The crash this store recorded last (imports aside), if any. */
    public Optional<RecentCrash> mostRecentCrash() throws IOException {
        return scan().mostRecentCrash();
    }

    /**
     * A new private directory (0700) {@code run/<pid>-<random>/} for one run's FIFO, {@code pid} this process's; the
     * caller deletes it when done. Directories of launchers that are gone are swept out first ({@link RunDirs}).
     */
    public Path newRunDir() throws IOException {
        requirePrivate();
        return RunDirs.create(PrivateFiles.directories(dir.resolve(RUN)), Pid.current());
    }

    /** Path of a log file under the store's {@code log/} directory (created on demand). */
    public Path logFile(String name) throws IOException {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
        requirePrivate();
        return PrivateFiles.directories(dir.resolve(LOG)).resolve(name);
    }

    /**
     * Deletes the counter files, the runs journal (runs not yet folded into them), the kept malformed inputs and
     * the IDs of exported reports (their counts are gone: a
     * later export of the same week holds only new counts, under a new ID), keeping the mode, the logs and any running
     * watchdog's run directory. Holds the writers' lock, so no increment is half-lost.
     *
     * @return how many files were deleted
     */
    public int clean() throws IOException {
        if (!Files.isDirectory(counterDir()) && !Files.isDirectory(malformedDir())
                && !Files.exists(dir.resolve(ExportedReports.NAME)) && !Files.exists(dir.resolve(RunsJournal.FILE))) {
            return 0;
        }
        return lock().holding(() -> {
            int deleted = 0;
            for (Path p : RegularFiles.list(counterDir(), p -> !p.getFileName().toString().equals(CounterFileNames.LOCK_FILE))) {
                deleted += Files.deleteIfExists(p) ? 1 : 0;
            }
            for (Path p : malformedFiles()) {
                deleted += Files.deleteIfExists(p) ? 1 : 0;
            }
            Files.deleteIfExists(scan().cacheFile());
            return deleted + (new ExportedReports(dir).delete() ? 1 : 0) + RunsJournal.discard(dir);
        });
    }

    private CounterWriter counterWriter() throws IOException {
        StoreFormat.checkAndMark(dir);
        return new CounterWriter(counterDir(), lock());
    }

    private DirectoryLock lock() {
        return new DirectoryLock(counterDir().resolve(CounterFileNames.LOCK_FILE));
    }

    private CounterFileScan scan() throws IOException {
        StoreFormat.check(dir);
        return new CounterFileScan(counterDir(), dir.resolve(CACHE).resolve("counters.v1.bin"));
    }
}
