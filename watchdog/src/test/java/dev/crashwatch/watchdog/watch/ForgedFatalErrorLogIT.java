package dev.crashwatch.watchdog.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.pipe.Hello;
import dev.crashwatch.watchdog.testing.SecondUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second local user plants a fatal error log for a pid about to die, in the shared temporary directory (issue 15,
 * security item 4): it is not counted. The same log written by the JVM's own user, naming that pid, is.
 */
class ForgedFatalErrorLogIT {
    private static final long PID = 4_100_001L;
    private static final String LOG = "#\n# A fatal error has been detected by the Java Runtime Environment:\n"
            + "#\n#  SIGSEGV (0xb) at pc=0x00007f0000000001, pid=" + PID + ", tid=" + (PID + 1) + "\n";

    @TempDir
    Path dir;

    private Hello hello(Path tmp) {
        return Hello.parse(("pid=" + PID + "\nstartMillis=" + (System.currentTimeMillis() - 60_000) + "\ntmpdir=" + tmp
                + "\ncwd=" + dir.resolve("cwd") + "\n").getBytes());
    }

    private Path sharedTmp() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        return tmp;
    }

    @Test
    void a_log_planted_by_another_user_is_not_counted() throws Exception {
        Path tmp = sharedTmp();
        try (SecondUser attacker = SecondUser.create()) {
            assertEquals(0, attacker.sh("printf '" + LOG.replace("\n", "\\n") + "' > " + tmp + "/hs_err_pid" + PID + ".log"));
            assertTrue(Files.exists(tmp.resolve("hs_err_pid" + PID + ".log")));
            assertEquals(Optional.empty(), FatalErrorLogs.find(PID, hello(tmp)));
        }
    }

    @Test
    void a_log_of_this_user_that_names_another_pid_or_is_a_link_is_not_counted_and_one_that_names_it_is() throws Exception {
        Path tmp = sharedTmp();
        Path log = tmp.resolve("hs_err_pid" + PID + ".log");
        Files.writeString(log, LOG.replace("pid=" + PID, "pid=77"));
        assertEquals(Optional.empty(), FatalErrorLogs.find(PID, hello(tmp)));
        Path real = Files.writeString(dir.resolve("elsewhere.log"), LOG);
        Files.delete(log);
        Files.createSymbolicLink(log, real);
        assertEquals(Optional.empty(), FatalErrorLogs.find(PID, hello(tmp)));
        Files.delete(log);
        Files.writeString(log, LOG);
        assertEquals(Optional.of(log), FatalErrorLogs.find(PID, hello(tmp)));
    }
}
