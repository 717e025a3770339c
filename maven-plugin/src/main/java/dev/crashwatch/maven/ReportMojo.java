package dev.crashwatch.maven;

import dev.crashwatch.watchdog.store.CounterFile;
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
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Prints the crashes the store counted for the project's name and version since {@code prepare-agent} ran: each
 * counter with how often it grew, its stack ID and its frames, or that there were none. Waits first (at most
 * {@code waitSeconds}) for the sidecars of the build's test JVMs, which count a crash after it. docs/maven.md.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ReportMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** How long to wait for the sidecars of the build's test JVMs to finish counting. */
    @Parameter(property = "crashwatch.waitSeconds", defaultValue = "30")
    private int waitSeconds;

    @Parameter(property = "crashwatch.skip", defaultValue = "false")
    private boolean skip;

    /** Where prepare-agent leaves the store's counts for report: {@code target/crashwatch/build-start.json}. */
    static Path marker(MavenProject project) {
        return Path.of(project.getBuild().getDirectory(), "crashwatch", "build-start.json");
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("crashwatch: skipped");
            return;
        }
        try {
            Optional<BuildStart> start = BuildStart.read(marker(project));
            if (start.isEmpty()) {
                getLog().info("crashwatch: prepare-agent did not run for this project; nothing to report");
                return;
            }
            report(start.get());
        } catch (IOException e) {
            throw new MojoExecutionException("crashwatch: cannot read the store: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("crashwatch: interrupted while waiting for the sidecars", e);
        }
    }

    private void report(BuildStart start) throws IOException, InterruptedException {
        if (!Sidecars.awaitAll(start, Instant.now().plusSeconds(waitSeconds))) {
            getLog().warn("crashwatch: some test JVMs' sidecars were still counting after " + waitSeconds
                    + " s; their crashes may be missing below");
        }
        List<CounterFile> crashes = BuildCrashes.since(start, Store.at(start.store()));
        String name = start.program() + "@" + start.version();
        if (crashes.isEmpty()) {
            getLog().info("crashwatch: no crashes of " + name + " counted during this build");
            return;
        }
        getLog().warn("crashwatch: " + BuildCrashes.total(crashes) + " crash(es) of " + name
                + " counted during this build, in " + start.store() + " (count, stack ID, counter):");
        for (CounterFile file : crashes) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            TextViews.counterFile(new PrintStream(text, true, StandardCharsets.UTF_8), file);
            text.toString(StandardCharsets.UTF_8).lines().forEach(getLog()::warn);
        }
        getLog().warn("crashwatch: all weeks of them: crashwatch top --program " + start.program() + " --version "
                + start.version());
    }
}
