package dev.crashwatch.watchdog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.agent.wire.ByteSink;
import dev.crashwatch.agent.wire.Spool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command that shows counters says, in one line, what it skipped; each counts the spool before it reads. */
class ReadersSayWhatTheySkipTest {
    @TempDir
    Path dir;

    @Test
    void each_reader_says_in_one_line_how_many_counter_files_it_skipped() throws Exception {
        Path counters = Files.createDirectories(dir.resolve("counters"));
        Files.writeString(counters.resolve("app@1-17-linux-amd64-2026-11-23.v1.json"), "{ not json");
        CliInStore cli = new CliInStore(dir);
        for (String[] command : new String[][] {{"counters"}, {"top"}, {"csv"}, {"export", "--week", "2026-11-23"}}) {
            CliInStore.Result r = cli.run(command);
            long lines = r.err().lines().filter(l -> l.contains("skipped 1 unreadable counter file")).count();
            assertEquals(1, lines, String.join(" ", command) + ": " + r);
            assertTrue(r.err().contains("'crashwatch status' lists them"), r.err());
        }
        String status = cli.run("status").out();
        assertTrue(status.contains("unreadable files:   1 (not counted, never overwritten):\n                    "
                + counters.resolve("app@1-17-linux-amd64-2026-11-23.v1.json") + "\n"), status);
    }

    @Test
    void counters_counts_a_spooled_crash_of_a_gone_jvm_first() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        ByteSink hello = new ByteSink(64);
        hello.text("program=spooled\n");
        byte[] crash = "Exception in thread \"main\" java.lang.Error\n\tat a.B.c(B.java:1)\n"
                .getBytes(StandardCharsets.UTF_8);
        Spool.write(dir.toFile(), gone.pid(), 1000, 0, hello, crash, crash.length);
        CliInStore.Result r = new CliInStore(dir).run("counters");
        assertTrue(r.out().contains("java.lang.Error"), r.toString());
        assertTrue(r.out().contains("spooled@"), r.toString());
    }
}
