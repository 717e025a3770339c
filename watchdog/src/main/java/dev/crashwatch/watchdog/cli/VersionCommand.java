package dev.crashwatch.watchdog.cli;

import dev.crashwatch.agent.sidecar.NativeHelpers;
import dev.crashwatch.watchdog.store.Store;
import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code crashwatch version}: this build's version and commit, the Java it runs on, whether the native helpers are
 * there (docs/native.md) and the store format it reads and writes (docs/install.md, "Upgrade").
 */
public final class VersionCommand implements Command {
    /** The directory of the jars, set by the {@code crashwatch} script (as for launch.AgentJar). */
    static final String HOME_PROPERTY = "crashwatch.home";
    static final String[] HELPERS = {"crashwatch-run", "crashwatch-relay"};

    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "Show the version, the build's commit, the Java in use and whether the native helpers are present";
    }

    @Override
    public String usage() {
        return "usage: crashwatch version";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArgs.parse(args, Set.of(), Set.of()).noPositional();
        BuildInfo build = BuildInfo.current();
        out.println("crashwatch " + build.version() + " (commit " + build.commit() + ")");
        out.println("java:           " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home"));
        out.println("native helpers: " + nativeHelpers());
        out.println("store format:   " + Store.FORMAT_VERSION);
        return 0;
    }

    /** {@code present (DIR)}, or {@code absent} with what is missing and what that means. */
    private static String nativeHelpers() {
        String home = System.getProperty(HOME_PROPERTY);
        List<String> missing = new ArrayList<>();
        File dir = null;
        for (String name : HELPERS) {
            File found = home == null ? null : NativeHelpers.find(new File(home), name);
            if (found == null) {
                missing.add(name);
            } else {
                dir = found.getParentFile();
            }
        }
        if (missing.isEmpty()) {
            return "present (" + dir + ")";
        }
        return "absent (" + String.join(", ", missing) + "): the Java paths are used, see docs/native.md";
    }
}
