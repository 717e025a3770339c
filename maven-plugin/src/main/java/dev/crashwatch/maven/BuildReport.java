package dev.crashwatch.maven;

import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.triage.TextViews;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.maven.project.MavenProject;

/**
 * What {@code report} prints for one project, and what the build-end report prints for a project whose build stopped
 * before {@code report} ran: the crashes counted for its name and version since {@code prepare-agent} noted the
 * store's counts, each counter with how much it grew, its stack ID and its frames (the watchdog's own text view), or
 * that there were none. It first waits, at most {@code waitSeconds}, for the sidecars of the build's test JVMs.
 */
final class BuildReport {
    /** Project context key: prepare-agent ran for the project in this Maven session. */
    static final String PREPARED = "crashwatch.prepared";
    /** Project context key: the report was printed for the project in this Maven session. */
    static final String REPORTED = "crashwatch.reported";

    private final Consumer<String> info;
    private final Consumer<String> warn;

    BuildReport(Consumer<String> info, Consumer<String> warn) {
        this.info = info;
        this.warn = warn;
    }

    /** Where prepare-agent leaves the store's counts: {@code target/crashwatch/build-start.json}. */
    static Path marker(MavenProject project) {
        return Path.of(project.getBuild().getDirectory(), "crashwatch", "build-start.json");
    }

    /** Prints the report for {@code project} and marks it as reported in this session. */
    void print(MavenProject project, int waitSeconds) throws IOException, InterruptedException {
        project.setContextValue(REPORTED, Boolean.TRUE);
        Optional<BuildStart> start = BuildStart.read(marker(project));
        if (start.isEmpty()) {
            info.accept("crashwatch: prepare-agent did not run for " + project.getArtifactId() + "; nothing to report");
            return;
        }
        print(start.get(), waitSeconds);
    }

    private void print(BuildStart start, int waitSeconds) throws IOException, InterruptedException {
        if (!Sidecars.awaitAll(start, Instant.now().plusSeconds(waitSeconds))) {
            warn.accept("crashwatch: some test JVMs' sidecars were still counting after " + waitSeconds
                    + " s; their crashes may be missing below");
        }
        List<CounterFile> crashes = BuildCrashes.since(start, Store.at(start.store()));
        String name = start.program() + "@" + start.version();
        if (crashes.isEmpty()) {
            info.accept("crashwatch: no crashes of " + name + " counted during this build");
            return;
        }
        warn.accept("crashwatch: " + BuildCrashes.total(crashes) + " crash(es) of " + name
                + " counted during this build, in " + start.store() + " (count, stack ID, counter):");
        for (CounterFile file : crashes) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            TextViews.counterFile(new PrintStream(text, true, StandardCharsets.UTF_8), file);
            text.toString(StandardCharsets.UTF_8).lines().forEach(warn);
        }
        warn.accept("crashwatch: every week of them: crashwatch top --program " + start.program() + " --version "
                + start.version());
    }
}
