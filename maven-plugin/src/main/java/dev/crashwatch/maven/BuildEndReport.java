package dev.crashwatch.maven;

import java.io.IOException;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With the plugin declared {@code <extensions>true</extensions>}: at the very end of the build, failed or not, the
 * report of each project whose test JVMs got the agent in this build but whose {@code report} never ran. A fork that
 * dies fails the build in the {@code test} phase, before {@code verify}: this is where its crash gets printed.
 */
public final class BuildEndReport extends AbstractMavenLifecycleParticipant {
    /** The sidecars of forks that died have had the whole rest of the build to count; this is a last margin. */
    private static final int WAIT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(BuildEndReport.class);

    @Override
    public void afterSessionEnd(MavenSession session) {
        BuildReport report = new BuildReport(LOG::info, LOG::warn);
        for (MavenProject project : session.getProjects()) {
            if (project.getContextValue(BuildReport.PREPARED) == null
                    || project.getContextValue(BuildReport.REPORTED) != null) {
                continue;
            }
            try {
                report.print(project, WAIT_SECONDS);
            } catch (IOException e) {
                LOG.warn("crashwatch: cannot read the store for " + project.getArtifactId() + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
