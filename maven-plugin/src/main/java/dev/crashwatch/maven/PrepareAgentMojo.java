package dev.crashwatch.maven;

import dev.crashwatch.watchdog.store.Store;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Puts the crashwatch agent into the property Surefire and Failsafe take their forks' JVM options from
 * ({@code argLine} unless {@code propertyName} says otherwise), in front of what it held: every test JVM then counts
 * its crashes under the project's artifactId and version. Remembers the store's counts in {@code target/} for
 * {@code report}. docs/maven.md.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public final class PrepareAgentMojo extends AbstractMojo {
    static final String AGENT = "dev.crashwatch:crashwatch-agent";
    static final String WATCHDOG = "dev.crashwatch:crashwatch-watchdog";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(property = "plugin.artifactMap", readonly = true, required = true)
    private Map<String, Artifact> pluginArtifacts;

    /** The property to set; Surefire and Failsafe read {@code argLine}. */
    @Parameter(property = "crashwatch.propertyName", defaultValue = "argLine")
    private String propertyName;

    /** The name the test JVMs' crashes are counted under. */
    @Parameter(property = "crashwatch.program", defaultValue = "${project.artifactId}")
    private String program;

    /** The version they are counted under. */
    @Parameter(property = "crashwatch.version", defaultValue = "${project.version}")
    private String version;

    /** The store; by default the one crashwatch uses everywhere ({@code $CRASHWATCH_DIR}, else the config dir). */
    @Parameter(property = "crashwatch.dir")
    private File dir;

    /** Count a {@code System.exit} that test code calls in a fork as a crash (the fork dies without its goodbye). */
    @Parameter(property = "crashwatch.exitIsCrash", defaultValue = "true")
    private boolean exitIsCrash;

    @Parameter(property = "crashwatch.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("crashwatch: skipped");
            return;
        }
        Store store = dir != null ? Store.at(dir.toPath()) : Store.openDefault();
        AgentArgument agent = new AgentArgument(artifactFile(AGENT))
                .option("program", program)
                .option("version", version)
                .option("dir", store.dir().toString())
                .option("watchdog", artifactFile(WATCHDOG).toString())
                .option("exitFrom", exitIsCrash ? AgentArgument.SUREFIRE_BOOTER : null);
        try {
            BuildStart.take(store, program, version).write(BuildReport.marker(project));
        } catch (IOException e) {
            throw new MojoExecutionException("crashwatch: cannot note the store's counts in target/: " + e, e);
        }
        Properties properties = project.getProperties();
        String argLine = agent.prependTo(properties.getProperty(propertyName));
        properties.setProperty(propertyName, argLine);
        project.setContextValue(BuildReport.PREPARED, Boolean.TRUE);
        getLog().info("crashwatch: " + propertyName + " set to " + argLine);
    }

    private Path artifactFile(String key) throws MojoExecutionException {
        Artifact artifact = pluginArtifacts.get(key);
        if (artifact == null || artifact.getFile() == null) {
            throw new MojoExecutionException("crashwatch: the plugin's dependency " + key + " is not resolved");
        }
        return artifact.getFile().toPath().toAbsolutePath();
    }
}
