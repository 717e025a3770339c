package dev.crashwatch.watchdog.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.pipe.Hello;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FatalErrorLogsTest {
    @TempDir
    Path dir;

    private Hello hello(long startMillis, String errorFile) throws IOException {
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String text = "pid=4242\nstartMillis=" + startMillis + "\ncwd=" + cwd + "\ntmpdir=" + tmp + "\n"
                + (errorFile == null ? "" : "errorFile=" + errorFile + "\n");
        return Hello.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private Path log(String relative, long modifiedMillis) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "# A fatal error has been detected");
        Files.setLastModifiedTime(p, FileTime.fromMillis(modifiedMillis));
        return p;
    }

    @Test
    void finds_the_log_in_the_working_directory() throws IOException {
        long start = System.currentTimeMillis();
        Path p = log("cwd/hs_err_pid4242.log", start + 100);
        assertEquals(Optional.of(p), FatalErrorLogs.find(4242, hello(start, null)));
    }

    @Test
    void skips_an_older_log_of_the_same_pid_and_takes_the_one_in_the_temp_directory() throws IOException {
        long start = System.currentTimeMillis();
        log("cwd/hs_err_pid4242.log", start - 3_600_000);
        Path fresh = log("tmp/hs_err_pid4242.log", start + 100);
        assertEquals(Optional.of(fresh), FatalErrorLogs.find(4242, hello(start, null)));
    }

    @Test
    void expands_the_error_file_setting_relative_to_the_working_directory() throws IOException {
        long start = System.currentTimeMillis();
        log("cwd/hs_err_pid4242.log", start + 100);
        Path wanted = log("cwd/logs/crash-4242-%.log", start + 100);
        assertEquals(Optional.of(wanted), FatalErrorLogs.find(4242, hello(start, "logs/crash-%p-%%.log")));
    }

    @Test
    void nothing_when_no_log_or_no_hello() throws IOException {
        assertTrue(FatalErrorLogs.find(4242, hello(System.currentTimeMillis(), null)).isEmpty());
        assertTrue(FatalErrorLogs.find(4242, Hello.NONE).isEmpty());
    }
}
