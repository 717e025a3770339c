package dev.crashwatch.watchdog.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A tool a test needs from the machine: the native helpers (a C compiler built them), headless Chromium and
 * ChromeDriver, a second JDK. On a developer's machine a missing one skips the test, saying what is missing
 * ({@code ./test.sh} lists every skip at the end of the run). In CI ({@code $CRASHWATCH_CI}, which {@code .ci/run}
 * sets, or the usual {@code CI=true}) it fails the test: CI installs every tool ({@code .ci/setup}), so a missing one
 * is a broken set-up, not a reason to test less.
 */
public final class RequiredTool {
    private RequiredTool() {
    }

    /** Whether this run is CI's. */
    public static boolean inCi() {
        String ours = System.getenv("CRASHWATCH_CI");
        return (ours != null && !ours.isEmpty() && !ours.equals("0")) || "true".equals(System.getenv("CI"));
    }

    /** Skips (on a developer's machine) or fails (in CI) the calling test unless {@code present}. */
    public static void require(boolean present, String missing) {
        if (!present && inCi()) {
            Assertions.fail(missing + " — in CI every tool the tests need must be installed (.ci/setup)");
        }
        Assumptions.assumeTrue(present, missing + ": skipped");
    }
}
