package dev.crashwatch.fleet.upload;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.files.AtomicFiles;
import dev.crashwatch.watchdog.store.files.PrivateFiles;
import dev.crashwatch.watchdog.uploads.ReportFiles;
import dev.crashwatch.watchdog.uploads.ReportState;
import dev.crashwatch.watchdog.weekly.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The store's {@code reports/} folder: one sub-folder per {@link ReportState}, one {@code <id>.json} per report
 * (the exact bytes sent, or to send) and, beside it, {@code <id>.reason} (the collector's reply, or why it was not
 * sent). A report moves between states by an atomic rename; files are 0600, folders 0700, and no symbolic link
 * is followed. Which files are reports is {@link ReportFiles}'s rule, shared with {@code crashwatch status}. Layout:
 * {@code docs/store.md}, {@code docs/upload.md}.
 */
public final class ReportShelf {
    private static final Comparator<StoredReport> BY_WEEK =
            Comparator.comparing((StoredReport r) -> r.report().week()).thenComparing(StoredReport::id);

    private final Path root;

    private ReportShelf(Path root) {
        this.root = root;
    }

    public static ReportShelf of(Store store) {
        return new ReportShelf(store.reportsDir());
    }

    /** {@code <store>/reports}. */
    public Path root() {
        return root;
    }

    /** Every readable report in every state, by week then ID. Files that do not parse are left out. */
    public List<StoredReport> all() throws IOException {
        List<StoredReport> all = new ArrayList<>();
        for (ReportState state : ReportState.values()) {
            all.addAll(in(state));
        }
        all.sort(BY_WEEK);
        return all;
    }

    /** The reports in one state, by week then ID. */
    public List<StoredReport> in(ReportState state) throws IOException {
        List<StoredReport> reports = new ArrayList<>();
        for (Path file : ReportFiles.jsonFiles(root.resolve(state.word()))) {
            read(state, file).ifPresent(reports::add);
        }
        reports.sort(BY_WEEK);
        return reports;
    }

    /** The report with this ID, or the one whose ID starts with it; a start shared by several is an error. */
    public Optional<StoredReport> find(String idOrPrefix) throws IOException {
        List<StoredReport> matches = all().stream().filter(r -> r.id().startsWith(idOrPrefix)).toList();
        Optional<StoredReport> exact = matches.stream().filter(r -> r.id().equals(idOrPrefix)).findFirst();
        if (exact.isEmpty() && matches.size() > 1) {
            throw new IllegalArgumentException("'" + idOrPrefix + "' starts " + matches.size() + " report IDs: give more of it");
        }
        return exact.isPresent() ? exact : matches.stream().findFirst();
    }

    /** Writes {@code bytes} (the report as it will go on the wire) as a pending report. */
    public StoredReport addPending(Report report, byte[] bytes) throws IOException {
        return add(ReportState.PENDING, report, bytes, "");
    }

    /** Writes a report that is not to be sent, with why. */
    public StoredReport addSkipped(Report report, byte[] bytes, String reason) throws IOException {
        return add(ReportState.SKIPPED, report, bytes, reason);
    }

    private StoredReport add(ReportState state, Report report, byte[] bytes, String reason) throws IOException {
        Path dir = folder(state);
        writeReason(dir, report.id(), reason);
        Path file = dir.resolve(report.id() + ReportFiles.JSON);
        AtomicFiles.replace(file, bytes);
        return new StoredReport(report, state, file, reason.isEmpty() ? Optional.empty() : Optional.of(reason));
    }

    /**
     * Moves a report to {@code state}, its reason first: a kill -9 in between leaves the report where it was (a
     * pending report is then sent again, which the collector stores once).
     */
    public StoredReport move(StoredReport report, ReportState state, String reason) throws IOException {
        Path dir = folder(state);
        writeReason(dir, report.id(), reason);
        Path target = dir.resolve(report.id() + ReportFiles.JSON);
        Files.move(report.file(), target, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.syncDirectory(dir);
        Files.deleteIfExists(report.file().resolveSibling(report.id() + ReportFiles.REASON));
        return new StoredReport(report.report(), state, target, reason.isEmpty() ? Optional.empty() : Optional.of(reason));
    }

    /** The folder of {@code state}, created private if missing; a symbolic link there is refused. */
    private Path folder(ReportState state) throws IOException {
        refuseLink(root);
        Path dir = root.resolve(state.word());
        refuseLink(dir);
        return PrivateFiles.directories(dir);
    }

    /** The root, created if missing: for files that live beside the state folders (the lock, the cached config). */
    Path rootFolder() throws IOException {
        refuseLink(root);
        return PrivateFiles.directories(root);
    }

    static void refuseLink(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            throw new IOException(p + " is a symbolic link: crashwatch does not follow links in its store");
        }
    }

    private Optional<StoredReport> read(ReportState state, Path file) throws IOException {
        Optional<Report> report = ReportFiles.report(file);
        if (report.isEmpty()) {
            return Optional.empty();
        }
        Path reasonFile = file.resolveSibling(report.get().id() + ReportFiles.REASON);
        Optional<String> reason = Files.isRegularFile(reasonFile, LinkOption.NOFOLLOW_LINKS)
                ? Optional.of(new String(ReportFiles.bytes(reasonFile), StandardCharsets.UTF_8).strip())
                : Optional.empty();
        return Optional.of(new StoredReport(report.get(), state, file, reason));
    }

    private static void writeReason(Path dir, String id, String reason) throws IOException {
        if (!reason.isEmpty()) {
            AtomicFiles.replace(dir.resolve(id + ReportFiles.REASON), (reason.strip() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
