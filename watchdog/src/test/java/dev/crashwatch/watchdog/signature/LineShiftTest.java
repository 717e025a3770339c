package dev.crashwatch.watchdog.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds of one program that differ only by lines inserted above the crashing method give the same counter name
 * once lines are function-relative (resolved from each build's class path, as the live pipeline does), and different
 * names with absolute lines: the resolver is what makes them equal. Real javac, real child JVMs.
 */
class LineShiftTest {
    static final String SOURCE = """
            package shift;

            public class Shift {%s
                public static void main(String[] args) {
                    new Shift().crash(args.length);
                }

                void crash(int n) {
                    int twice = n * 2;
                    if (twice == 0) {
                        throw new IllegalStateException("boom " + twice);
                    }
                }
            }
            """;
    static final String INSERTED = """

                /** Lines inserted above the crashing method in the second build. */
                static int helper(int x) {
                    return x + 1;
                }
            """;

    @Test
    void linesInsertedAboveTheCrashKeepTheName(@TempDir Path tmp) throws Exception {
        Path v1 = Javac.jar(Javac.compile(tmp.resolve("v1"), "shift.Shift", SOURCE.formatted("")), tmp.resolve("v1.jar"));
        Path v2 = Javac.compile(tmp.resolve("v2"), "shift.Shift", SOURCE.formatted(INSERTED));
        String crash1 = Javac.stderrOf(v1.toString(), "shift.Shift");
        String crash2 = Javac.stderrOf(v2.toString(), "shift.Shift");
        assertNotEquals(crash1, crash2, "the builds' traces differ in their line numbers");

        String name1 = Signatures.counterName(crash1, LineResolvers.forClassPath(v1.toString()));
        String name2 = Signatures.counterName(crash2, LineResolvers.forClassPath(v2.toString()));
        assertEquals(name1, name2);
        assertTrue(name1.contains("\nshift.Shift.crash:+2\n"), name1);

        assertNotEquals(Signatures.counterName(crash1, LineResolver.NONE), Signatures.counterName(crash2, LineResolver.NONE));
    }
}
