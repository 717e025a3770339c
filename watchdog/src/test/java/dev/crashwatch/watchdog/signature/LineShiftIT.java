package dev.crashwatch.watchdog.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.testing.TestJars;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live pipeline keeps a crash's counter across a release that only inserted lines above the crashing method:
 * two builds of one program, compiled with javac at test time, each run through {@code crashwatch run} into one
 * store (versions 1 and 2), give one counter name each, and the two names are equal and function-relative.
 */
class LineShiftIT {
    @Test
    void twoBuildsThatOnlyMovedTheCrashingMethodCountTheSameCrash(@TempDir Path tmp) throws Exception {
        Path v1 = Javac.compile(tmp.resolve("v1"), "shift.Shift", LineShiftTest.SOURCE.formatted(""));
        Path v2 = Javac.compile(tmp.resolve("v2"), "shift.Shift", LineShiftTest.SOURCE.formatted(LineShiftTest.INSERTED));
        Path store = tmp.resolve("store");
        assertEquals(1, runUnderCrashwatch(store, "1", v1));
        assertEquals(1, runUnderCrashwatch(store, "2", v2));

        Map<String, Map<String, Long>> byVersion = new HashMap<>();
        for (CounterFile f : Store.at(store).counterFiles()) {
            byVersion.computeIfAbsent(f.key().version(), v -> new HashMap<>()).putAll(f.counters());
        }
        assertEquals(1, byVersion.get("1").size(), byVersion.toString());
        String name = byVersion.get("1").keySet().iterator().next();
        assertEquals(Map.of(name, 1L), byVersion.get("2"), "version 2 counts the same crash");
        assertTrue(name.startsWith("crash/crash\njava.lang.IllegalStateException\nshift.Shift.crash:+2\n"), name);
    }

    private static int runUnderCrashwatch(Path store, String version, Path classes) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-jar", TestJars.watchdog().toString(), "run",
                "--program", "shift", "--version", version, "--", java, "-cp", classes.toString(), "shift.Shift"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("CRASHWATCH_DIR", store.toString());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("crashwatch run did not end");
        }
        return p.exitValue();
    }
}
