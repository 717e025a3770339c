package dev.crashwatch.agent.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class SidecarTest {
    @Test
    void the_command_runs_sidecar_main_small_with_the_store_and_the_program() {
        Options options = new Options("shop", "1.0", null, null);
        List<String> command = SidecarCommand.command(new File("/j/bin/java"), new File("/cw/crashwatch.jar"), options,
                new File("/store"));
        int java = command.indexOf("/j/bin/java");
        assertTrue(java == 0 || command.get(0).endsWith("setsid"), command.toString());
        assertTrue(command.contains("-Xmx16m") && command.contains("-XX:+UseSerialGC"), command.toString());
        List<String> tail = command.subList(command.indexOf("-cp"), command.size());
        assertEquals(List.of("-cp", "/cw/crashwatch.jar", SidecarCommand.MAIN_CLASS, "--dir", "/store", "--program", "shop",
                "--version", "1.0"), tail);
    }

    @Test
    void this_jvm_is_named_with_its_error_file_as_given_only_when_it_has_one() {
        List<String> named = SidecarCommand.thisJvm(4242, "logs/hs_%p.log");
        assertEquals(List.of("--pid", "4242", "--cwd", System.getProperty("user.dir"), "--started"),
                named.subList(0, 5));
        assertEquals(List.of("--error-file", "logs/hs_%p.log"), named.subList(6, named.size()));
        assertEquals(6, SidecarCommand.thisJvm(4242, null).size());
        assertEquals(6, SidecarCommand.thisJvm(4242, "").size());
    }

    @Test
    void the_watchdog_option_wins_and_otherwise_crashwatch_jar_is_looked_for_beside_the_agent() {
        assertEquals(new File("/x/cw.jar"), WatchdogFiles.watchdogJar(new Options(null, null, "/x/cw.jar", null)));
        if (System.getenv(WatchdogFiles.WATCHDOG_ENV) == null) {
            File beside = WatchdogFiles.watchdogJar(Options.none());
            assertEquals(new File(WatchdogFiles.agentJar().getParentFile(), "crashwatch.jar"), beside);
        }
    }
}
