package dev.crashwatch.fleet.cli;

import dev.crashwatch.agent.sidecar.ClassDataArchive;
import dev.crashwatch.fleet.query.FleetDb;
import dev.crashwatch.fleet.query.FleetInput;
import dev.crashwatch.fleet.query.FleetLayout;
import dev.crashwatch.fleet.query.NewCrashes;
import dev.crashwatch.fleet.query.ReportMirror;
import dev.crashwatch.fleet.query.VersionTable;
import dev.crashwatch.fleet.storage.S3Store;
import dev.crashwatch.watchdog.cli.Command;
import dev.crashwatch.watchdog.cli.CommandArgs;
import dev.crashwatch.watchdog.cli.UsageException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code crashwatch fleet} sub-command. Every one takes {@code --reports DIR} (or {@code CRASHWATCH_REPORTS}),
 * or {@code --reports s3://BUCKET/PREFIX [--s3-endpoint URL] [--mirror DIR]} (the collector's S3 options: the
 * reports are mirrored into a local folder first), and {@code --json}; those that read the reports print a
 * one-line note on stderr when files were skipped.
 */
abstract class FleetSubcommand implements Command {
    static final String REPORTS_ENV = "CRASHWATCH_REPORTS";
    /** How every fleet command reads the collector's S3 storage, for the usage texts. */
    static final String S3_USAGE = "  --reports s3://BUCKET/PREFIX [--s3-endpoint URL] [--mirror DIR]: the collector's"
        + " S3 storage, mirrored\n"
        + "  into DIR (default ~/.cache/crashwatch/fleet/...) and read, compacted and triaged there.";

    /**
     * The command line and what its options mean, as {@code crashwatch help fleet} lists it under the summary:
     * {@code crashwatch fleet top --reports DIR ...}, then a line indented by four spaces per option to explain.
     */
    abstract String synopsis();

    /**
     * This command's own usage ({@code crashwatch fleet top --help}, {@code crashwatch help fleet top}): the
     * synopsis, the summary, the options, and where {@code --reports} points.
     */
    @Override
    public final String usage() {
        String[] lines = synopsis().split("\n");
        StringBuilder usage = new StringBuilder("usage: ").append(lines[0]).append("\n  ").append(summary());
        for (int i = 1; i < lines.length; i++) {
            usage.append("\n  ").append(lines[i].strip());
        }
        return usage.append("\n  --reports DIR: a collector's reports folder (or ").append(REPORTS_ENV).append(")\n")
            .append(S3_USAGE).append("\n  'crashwatch help fleet' describes fleet triage and lists every fleet command.")
            .toString();
    }

    /** The flags besides {@code --json}. */
    Set<String> flags() {
        return Set.of();
    }

    /** The options with a value besides {@code --reports}. */
    abstract Set<String> options();

    abstract int run(FleetLayout layout, CommandArgs a, PrintStream out, PrintStream err) throws Exception;

    @Override
    public final int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Set<String> flags = new HashSet<>(flags());
        flags.add("--json");
        Set<String> options = new HashSet<>(options());
        options.addAll(Set.of("--reports", "--s3-endpoint", "--mirror"));
        CommandArgs a = CommandArgs.parse(args, flags, options);
        String dir = a.option("--reports").orElse(System.getenv(REPORTS_ENV));
        if (dir == null || dir.isEmpty()) {
            throw new UsageException("missing --reports DIR (or " + REPORTS_ENV + ")");
        }
        if (!dir.startsWith("s3://")) {
            if (a.option("--s3-endpoint").isPresent() || a.option("--mirror").isPresent()) {
                throw new UsageException("--s3-endpoint and --mirror go with --reports s3://BUCKET/PREFIX");
            }
            return run(new FleetLayout(Path.of(dir)), a, out, err);
        }
        return run(mirror(URI.create(dir), a, err), a, out, err);
    }

    /**
     * Mirrors {@code s3://bucket/prefix} into {@code --mirror DIR} (default: a folder per location under
     * {@code $XDG_CACHE_HOME/crashwatch/fleet}, else {@code ~/.cache/crashwatch/fleet}), where the command then reads
     * and compacts, and the triage file is kept.
     */
    private static FleetLayout mirror(URI location, CommandArgs a, PrintStream err) throws Exception {
        Path mirror = a.option("--mirror").map(Path::of).orElseGet(() -> defaultMirror(location));
        ReportMirror.Result r;
        try (S3Store store = S3Store.open(location, a.option("--s3-endpoint").map(URI::create))) {
            r = ReportMirror.sync(store, mirror);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        err.println("crashwatch fleet: " + location + " mirrored in " + mirror + ": " + r.fetched() + " new, "
            + r.present() + " already there" + (r.ignored() > 0 ? ", " + r.ignored() + " keys that are not reports" : ""));
        return new FleetLayout(mirror);
    }

    private static Path defaultMirror(URI location) {
        String name = (location.getHost() + location.getPath()).replaceAll("[^A-Za-z0-9._-]+", "_").replace("..", "_");
        return ClassDataArchive.cacheDir().toPath().resolve("fleet").resolve(name);
    }

    /** Scans the reports and opens DuckDB over them, noting skipped files on stderr. */
    static FleetDb open(FleetLayout layout, PrintStream err) throws Exception {
        FleetInput input = FleetInput.scan(layout);
        input.skippedNote().ifPresent(note -> err.println("crashwatch fleet: " + note));
        if (input.compactedDays().isEmpty() && input.raw().isEmpty()) {
            err.println("crashwatch fleet: no reports yet in " + layout.root() + " (the collector stores them under "
                + FleetLayout.DAY_KEY + "=YYYY-MM-DD/)");
        }
        return FleetDb.open(input);
    }

    /**
     * Whether {@code --program P} names a program no report has; if so, says so on stderr in one line with the programs
     * reported (a typo is an error, exit 1, not an empty answer).
     */
    boolean unknownProgram(FleetDb db, CommandArgs a, PrintStream err) throws SQLException {
        Optional<String> program = a.option("--program");
        if (program.isEmpty() || !VersionTable.load(db, program).programs().isEmpty()) {
            return false;
        }
        List<String> programs = VersionTable.load(db, Optional.empty()).programs();
        err.println("crashwatch fleet " + name() + ": no report of program " + program.get() + " (reported: "
            + (programs.isEmpty() ? "none" : String.join(", ", programs)) + ")");
        return true;
    }

    /**
     * Whether {@code --version V} names a version no report (of {@code --program P}, when given) has; if so, says so on
     * stderr in one line. Called once {@link #unknownProgram} has said the program is known.
     */
    boolean unknownVersion(FleetDb db, CommandArgs a, PrintStream err) throws SQLException {
        Optional<String> version = a.option("--version");
        return version.isPresent()
            && noReportOf(VersionTable.loadVersion(db, a.option("--program"), version.get()), version.get(), a, err);
    }

    /** Whether no report in {@code table} has {@code version} (of {@code --program}); if so, says so on stderr. */
    boolean noReportOf(VersionTable table, String version, CommandArgs a, PrintStream err) {
        if (!NewCrashes.programsWith(table, version, a.option("--program")).isEmpty()) {
            return false;
        }
        err.println("crashwatch fleet " + name() + ": no report of version " + version
            + a.option("--program").map(p -> " of " + p).orElse(""));
        return true;
    }

    /** The only positional argument, required. */
    static String onePositional(CommandArgs a, String what) throws UsageException {
        if (a.positional().size() != 1) {
            throw new UsageException(a.positional().isEmpty() ? "missing " + what
                : "unexpected argument '" + a.positional().get(1) + "'");
        }
        return a.positional().get(0);
    }
}
