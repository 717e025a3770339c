package dev.crashwatch.watchdog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.testing.RequiredTool;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import dev.crashwatch.watchdog.testing.Jdks;
import dev.crashwatch.watchdog.testing.TestJars;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code crashwatch clean} without {@code --yes} off a terminal refuses and deletes nothing, on every JDK found:
 * from JDK 22 {@code System.console()} exists even when nothing is a terminal.
 */
class CleanOffTerminalIT {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void clean_without_yes_off_a_terminal_refuses_and_keeps_the_counters(int feature) throws Exception {
        Jdks.Jdk jdk = Jdks.feature(feature).orElse(null);
        RequiredTool.require(jdk != null, "JDK " + feature + " is not installed in /usr/lib/jvm");
        Path storeDir = tmp.resolve("store");
        Store store = Store.at(storeDir);
        store.add(new CounterFileKey("app", "1.0", "17.0.15", "linux", "amd64", LocalDate.of(2026, 11, 23)),
                Map.of("crash/crash\njava.lang.IllegalStateException", 1L));

        ProcessBuilder pb = new ProcessBuilder(jdk.java().toString(), "-jar", TestJars.watchdog().toString(), "clean")
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
        pb.environment().put("CRASHWATCH_DIR", storeDir.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "clean did not end");

        String err = Files.readString(tmp.resolve("err"), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.contains("pass --yes"), err);
        assertEquals(1, store.counterFiles().size());
    }
}
