package dev.crashwatch.watchdog.launch;

import dev.crashwatch.agent.JvmFlags;
import java.util.List;
import java.util.Map;

/**
 * The {@code -XX:ErrorFile} setting of the launcher's child, as given ({@code %p} unexpanded), where HotSpot writes
 * its fatal error log: read from the command and environment the child is started with, the way the JVM and the
 * agent read it ({@link JvmFlags}), so that a child that dies before its hello is still found. Only a {@code java}
 * command has a JVM command line to read; for anything else (a script that starts java) it is {@code ""}, as it is
 * when there is no such setting.
 */
final class ChildErrorFile {
    private ChildErrorFile() {
    }

    /** The setting for {@code command} (program first) started in {@code env}; {@code ""} when there is none. */
    static String of(List<String> command, Map<String, String> env) {
        if (command.isEmpty() || !ChildCommand.isJava(command.get(0))) {
            return "";
        }
        String errorFile = JvmFlags.of(env, command).errorFile();
        return errorFile != null ? errorFile : "";
    }
}
