package dev.crashwatch.watchdog.sidecar;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each attach route (flag, Launcher-Agent-Class, Crashwatch.start) against real JVMs and the real sidecar, the relay
 * in front of it (and, on the flag route, the JVM sidecar alone): crashes are counted once with the launcher's
 * counter names, a normal exit counts nothing and the sidecar leaves at once, and the sidecar holds none of the
 * application's streams.
 */
class SidecarRoutesIT extends SidecarTestBase {
    private static final Duration COUNTED = Duration.ofSeconds(30);
    private static final Duration SIDECAR_DONE = Duration.ofSeconds(20);

    private static final String NPE = "crash/crash\njava.lang.NullPointerException\n";
    private static final String SEGV = "crash/fatal\nSIGSEGV\n";

    /** Every route behind the relay; the JVM sidecar alone (CRASHWATCH_NO_NATIVE) on the flag route. */
    static Stream<Arguments> crashes() {
        return Stream.concat(Stream.of(AttachRoute.values()).flatMap(route -> Stream.of(
                Arguments.of(route, SidecarKind.RELAY, "npe", 1, NPE),
                Arguments.of(route, SidecarKind.RELAY, "worker", 0, "crash/crash\njava.lang.IllegalStateException\n"),
                Arguments.of(route, SidecarKind.RELAY, "native-segv", 134, SEGV))),
                Stream.of(Arguments.of(AttachRoute.FLAG, SidecarKind.JVM, "npe", 1, NPE),
                        Arguments.of(AttachRoute.FLAG, SidecarKind.JVM, "native-segv", 134, SEGV)));
    }

    static Stream<Arguments> routes() {
        return Stream.concat(Stream.of(AttachRoute.values()).map(route -> Arguments.of(route, SidecarKind.RELAY)),
                Stream.of(Arguments.of(AttachRoute.FLAG, SidecarKind.JVM)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("crashes")
    void a_crash_is_counted_once_under_the_launchers_name(AttachRoute route, SidecarKind sidecar, String kind,
            int status, String name) throws Exception {
        boolean fatal = kind.startsWith("native");
        SampleRun run = SampleRun.start(fatal ? route.command(work, "--wait-stdin", kind) : route.command(work, kind),
                work, sidecar.env(store));
        if (fatal) {
            // A fatal error leaves the hello as the sidecar's only facts: one in the JVM's first milliseconds,
            // before the hello is out, is not counted (docs/protocol.md). Crash once the sidecar is there.
            await().atMost(COUNTED).until(() -> SidecarProcesses.of(store.dir()), hasSize(1));
            run.release();
        }

        assertEquals(status, run.awaitExit(), run.stderr());
        await().atMost(COUNTED).until(() -> store.countOf(name) == 1);
        await().atMost(SIDECAR_DONE).until(() -> SidecarProcesses.of(store.dir()).isEmpty());
        assertEquals(1, store.totalCrashes(), () -> "counted " + store.crashCounts());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void a_normal_exit_counts_nothing_and_the_sidecar_is_gone_within_a_second(AttachRoute route, SidecarKind kind)
            throws Exception {
        SampleRun run = SampleRun.start(route.command(work, "--wait-stdin", "ok"), work, kind.env(store));
        List<Long> sidecars = await().atMost(COUNTED).until(() -> SidecarProcesses.of(store.dir()), hasSize(1));
        long sidecar = sidecars.get(0);

        assertEquals(kind == SidecarKind.RELAY, SidecarProcesses.relays(store.dir()).contains(sidecar),
                () -> "the sidecar is the relay: " + SidecarProcesses.words(Path.of("/proc", "" + sidecar, "cmdline")));
        assertAGoodGuest(sidecar, run.process().pid());
        run.release();
        assertEquals(0, run.awaitExit(), run.stderr());
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> SidecarProcesses.gone(sidecar));
        assertEquals(0, store.totalCrashes(), () -> "counted " + store.crashCounts());
    }

    /**
     * The agent tells the sidecar the JVM's {@code -XX:ErrorFile} as given ({@code %p} unexpanded), from the command
     * line or an options variable, so that a fatal error before the hello is found there (SidecarMainIT, RelayIT).
     */
    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"RELAY, command line", "JVM, JAVA_TOOL_OPTIONS"})
    void the_sidecar_is_told_the_jvms_error_file_as_given(SidecarKind kind, String where) throws Exception {
        String errorFile = work.resolve("logs") + "/custom_%p.log";
        List<String> command = AttachRoute.FLAG.command(work, "--wait-stdin", "ok");
        Map<String, String> env = kind.env(store);
        if (where.equals("command line")) {
            command.add(1, "-XX:ErrorFile=" + errorFile);
        } else {
            env.put("JAVA_TOOL_OPTIONS", "-XX:ErrorFile=" + errorFile);
        }
        SampleRun run = SampleRun.start(command, work, env);
        long sidecar = await().atMost(COUNTED).until(() -> SidecarProcesses.of(store.dir()), hasSize(1)).get(0);

        List<String> cmdline = SidecarProcesses.words(Path.of("/proc", Long.toString(sidecar), "cmdline"));
        int at = cmdline.indexOf("--error-file");
        assertTrue(at > 0 && at + 1 < cmdline.size(), "names the error file: " + cmdline);
        assertEquals(errorFile, cmdline.get(at + 1));
        run.release();
        assertEquals(0, run.awaitExit(), run.stderr());
        await().atMost(SIDECAR_DONE).until(() -> SidecarProcesses.of(store.dir()).isEmpty());
        assertEquals(0, store.totalCrashes(), () -> "counted " + store.crashCounts());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void a_shell_capturing_the_output_returns_promptly_and_the_crash_is_counted(AttachRoute route, SidecarKind kind)
            throws Exception {
        String command = route.command(work, "npe").stream().map(SidecarRoutesIT::quoted)
                .collect(Collectors.joining(" "));
        SampleRun shell = SampleRun.start(
                List.of("/bin/sh", "-c", "out=$(" + command + " 2>/dev/null); printf 'captured:%s' \"$out\""),
                work, kind.env(store));

        assertEquals(0, shell.awaitExit(), shell.stderr());
        assertEquals("captured:sample npe starting", shell.stdout());
        await().atMost(COUNTED).until(() -> store.countOf("crash/crash\njava.lang.NullPointerException\n") == 1);
    }

    /** Not the application's stdin, stdout or stderr; names its JVM; no JVM options inherited; marked as a sidecar. */
    private void assertAGoodGuest(long sidecar, long app) {
        String stdin = SidecarProcesses.fd(sidecar, 0);
        assertFalse(stdin.isEmpty(), "sidecar gone already");
        assertNotEquals(SidecarProcesses.fd(app, 0), stdin, "stdin");
        assertEquals("/dev/null", SidecarProcesses.fd(sidecar, 1), "stdout");
        String stderr = SidecarProcesses.fd(sidecar, 2);
        assertTrue(stderr.equals("/dev/null") || stderr.equals(store.dir().resolve("log/sidecar.log").toString()),
                "stderr " + stderr);
        List<String> cmdline = SidecarProcesses.words(Path.of("/proc", Long.toString(sidecar), "cmdline"));
        int pid = cmdline.indexOf("--pid");
        assertTrue(pid > 0 && cmdline.get(pid + 1).equals(Long.toString(app)), "names its JVM: " + cmdline);
        assertFalse(cmdline.contains("--error-file"), "no -XX:ErrorFile, none named: " + cmdline);
        List<String> environ = SidecarProcesses.words(Path.of("/proc", Long.toString(sidecar), "environ"));
        assertTrue(environ.contains("CRASHWATCH_SIDECAR=1"), "CRASHWATCH_SIDECAR");
        assertTrue(environ.stream().noneMatch(v -> v.startsWith("JAVA_TOOL_OPTIONS=")), "JAVA_TOOL_OPTIONS");
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
