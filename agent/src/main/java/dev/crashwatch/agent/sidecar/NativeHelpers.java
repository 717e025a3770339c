package dev.crashwatch.agent.sidecar;

import java.io.File;

/**
 * Where the native helpers ({@code crashwatch-run}, {@code crashwatch-relay}) are, from the directory of the jars:
 * beside them in a build tree ({@code watchdog/target/}), in {@code ../libexec/} in an installation ({@code lib/} and
 * {@code libexec/} side by side, docs/install.md).
 */
public final class NativeHelpers {
    static final String LIBEXEC = "libexec";

    private NativeHelpers() {
    }

    /** The executable helper {@code name} for the jars in {@code libDir}; null if there is none. */
    public static File find(File libDir, String name) {
        File beside = new File(libDir, name);
        if (beside.canExecute()) {
            return beside;
        }
        File parent = libDir.getAbsoluteFile().getParentFile();
        File installed = parent == null ? null : new File(new File(parent, LIBEXEC), name);
        return installed != null && installed.canExecute() ? installed : null;
    }
}
