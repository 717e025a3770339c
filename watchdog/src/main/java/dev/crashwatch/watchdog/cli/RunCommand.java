package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.launch.AgentOption;
import dev.crashwatch.watchdog.launch.AgentJar;
import dev.crashwatch.watchdog.launch.Launcher;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.watch.Diagnostics;
import dev.crashwatch.watchdog.watch.Labels;
import dev.crashwatch.watchdog.watch.SidecarLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code crashwatch run [--program P] [--version V] -- CMD ARGS...}: runs CMD with crash reporting (launcher
 * mode) and exits with CMD's exit status.
 */
public final class RunCommand implements Command {
    /** Exit status when the command cannot be started, as shells use. */
    static final int CANNOT_START = 127;

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "Run a command with crash reporting: crashwatch run [--program P] [--version V] -- CMD ARGS...";
    }

    @Override
    public String usage() {
        return """
                usage: crashwatch run [--program P] [--version V] -- CMD ARGS...
                Runs CMD with the crashwatch agent attached (for java, as -javaagent; for anything else through
                JAVA_TOOL_OPTIONS), forwards signals to it and exits with its exit status. Crashes are counted in
                the store; --program and --version name the counter file instead of what the JVM reports.""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String program = null;
        String version = null;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("--")) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.equals("--program") && !a.equals("--version")) {
                throw new UsageException("unknown option " + a + "; usage: crashwatch run [--program P] [--version V] -- CMD ARGS...");
            }
            if (i + 1 >= args.size() || args.get(i + 1).isBlank() || args.get(i + 1).startsWith("--")) {
                throw new UsageException(a + " needs a value");
            }
            if (a.equals("--program")) {
                program = args.get(i + 1);
            } else {
                version = args.get(i + 1);
            }
            i += 2;
        }
        if (i >= args.size()) {
            throw new UsageException("no command to run; usage: crashwatch run [--program P] [--version V] -- CMD ARGS...");
        }
        Labels labels = new Labels(program, version);
        try {
            AgentOption.checkLabels(labels);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return launch(args.subList(i, args.size()), labels, err);
    }

    /**
     * Runs the command. What crashwatch has to say of the run (no agent jar, a store that cannot hold the pipe) goes
     * to the store's {@code log/sidecar.log}, as the native launcher's Java half's does, never to {@code err}: that is
     * the application's stderr. Only a command that cannot be started at all is said on it, as a shell would.
     */
    private static int launch(List<String> command, Labels labels, PrintStream err) throws Exception {
        Store store = Store.openDefault();
        Diagnostics diagnostics = new SidecarLog(store);
        Optional<Path> agent = AgentJar.find();
        if (agent.isEmpty()) {
            diagnostics.note("crashwatch-agent.jar not found beside crashwatch.jar; running without crash reporting");
        }
        try {
            return agent.isPresent() ? new Launcher(store, labels, agent.get(), diagnostics).run(command)
                    : Launcher.bare(command);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            err.println("crashwatch run: cannot run " + command.get(0) + ": " + e.getMessage());
            return CANNOT_START;
        }
    }
}
