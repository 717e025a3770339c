package dev.crashwatch.maven;

import java.io.IOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Prints the crashes the store counted for the project's name and version since {@code prepare-agent} ran
 * ({@link BuildReport}). Bound to {@code verify}; {@code mvn crashwatch:report} after a build that stopped earlier
 * prints that build's. docs/maven.md.
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

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("crashwatch: skipped");
            return;
        }
        try {
            new BuildReport(getLog()::info, getLog()::warn).print(project, waitSeconds);
        } catch (IOException e) {
            throw new MojoExecutionException("crashwatch: cannot read the store: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("crashwatch: interrupted while waiting for the sidecars", e);
        }
    }
}
