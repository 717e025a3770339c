package dev.crashwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.agent.fixtures.Fifos;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent in a real child JVM, in launcher mode against a real FIFO: the records it sends, the stderr it leaves
 * untouched, the handler it reports as replaced, and the exit a stuck pipe cannot hold up for long. The agent jar is
 * built from the compiled classes (the packaged jar does not exist yet when unit tests run).
 */
class AgentProcessTest {
    @TempDir
    Path dir;
    private Path agentJar;
    private File fifo;

    @BeforeEach
    void agentJarAndFifo() throws Exception {
        agentJar = dir.resolve("agent.jar");
        writeAgentJar(agentJar, null);
        fifo = Fifos.mkfifo(dir.resolve("crash.fifo"));
    }

    /** The agent jar from the compiled classes; {@code bootClassPath}: its {@code Boot-Class-Path}, if any. */
    private static void writeAgentJar(Path agentJar, String bootClassPath) throws Exception {
        Path classes = Paths.get(Premain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), Premain.class.getName());
        if (bootClassPath != null) {
            manifest.getMainAttributes().put(new Attributes.Name("Boot-Class-Path"), bootClassPath);
        }
        try (OutputStream out = Files.newOutputStream(agentJar); JarOutputStream jar = new JarOutputStream(out, manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                jar.write(Files.readAllBytes(f));
                jar.closeEntry();
            }
        }
    }

    @Test
    void loaded_from_its_own_boot_class_path_the_agent_still_looks_for_the_watchdog_beside_its_jar() throws Exception {
        Path opt = Files.createDirectories(dir.resolve("opt"));
        Path bootJar = opt.resolve("crashwatch-agent.jar");
        writeAgentJar(bootJar, "crashwatch-agent.jar");
        Path store = dir.resolve("store");
        Path out = dir.resolve("stdout.txt");
        ProcessBuilder builder = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + bootJar + "=dir=" + store, "-cp", Paths.get(dev.crashwatch.agent.fixtures.Apps.class
                        .getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                dev.crashwatch.agent.fixtures.Apps.class.getName(), "loader")
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        for (String name : new String[] {"JAVA_TOOL_OPTIONS", "CRASHWATCH_WATCHDOG", "CRASHWATCH_MODE", "CRASHWATCH_DIR"}) {
            builder.environment().remove(name);
        }
        Process p = builder.start();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES), "still running");

        assertEquals("null", new String(Files.readAllBytes(out), StandardCharsets.UTF_8).trim(), "the boot loader");
        String log = new String(Files.readAllBytes(store.resolve("log").resolve("sidecar.log")), StandardCharsets.UTF_8);
        assertTrue(log.contains("(" + opt.resolve("crashwatch.jar") + ")"), log);
    }

    @Test
    void an_uncaught_exception_is_reported_and_stderr_and_status_stay_the_jvms() throws Exception {
        try (RandomAccessFile reader = new RandomAccessFile(fifo, "rw")) {
            Result with = run(true, "throw");
            Result without = run(false, "throw");
            assertEquals(without.status, with.status);
            assertEquals(without.stderr, with.stderr);

            String pipe = readAvailable(reader);
            assertTrue(pipe.contains(" HELLO 0 0 0 "), pipe);
            assertTrue(pipe.contains(" CRASH 1 0 0 "), pipe);
            assertTrue(pipe.contains(without.stderr), "crash record is the stderr text: " + pipe);
            assertTrue(pipe.contains(" BYE 2 0 0 ") && pipe.endsWith("handlerReplaced=false\n"), pipe);
        }
    }

    @Test
    void a_handler_the_application_installs_later_is_reported_in_bye() throws Exception {
        try (RandomAccessFile reader = new RandomAccessFile(fifo, "rw")) {
            Result with = run(true, "replace");
            assertTrue(with.stderr.startsWith("app handler: java.lang.IllegalStateException"), with.stderr);
            String pipe = readAvailable(reader);
            assertTrue(!pipe.contains(" CRASH "), pipe);
            // The goodbye may beat crashwatch-start's hello to the pipe: the application exits at once.
            assertTrue(pipe.matches("(?s).* BYE [01] 0 0 21\nhandlerReplaced=true\n.*"), pipe);
        }
    }

    @Test
    void a_pipe_through_a_link_or_in_a_directory_others_may_write_to_is_never_opened() throws Exception {
        File real = fifo;
        try (RandomAccessFile reader = new RandomAccessFile(real, "rw")) {
            fifo = Files.createSymbolicLink(dir.resolve("link.fifo"), real.toPath()).toFile();
            Result linked = run(true, "throw");
            assertEquals(1, linked.status);
            assertTrue(linked.stderr.startsWith("Exception in thread \"main\" java.lang.IllegalStateException"));
            assertEquals("", readAvailable(reader), "written through a link");

            Path shared = Files.createDirectories(dir.resolve("shared"));
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
            fifo = Fifos.mkfifo(shared.resolve("crash.fifo"));
            try (RandomAccessFile sharedReader = new RandomAccessFile(fifo, "rw")) {
                Result inShared = run(true, "throw");
                assertEquals(1, inShared.status);
                assertEquals(linked.stderr, inShared.stderr);
                assertEquals("", readAvailable(sharedReader), "written in a directory others may write to");
            }
        }
    }

    @Test
    void a_full_pipe_nobody_reads_delays_the_exit_about_a_second_at_most() throws Exception {
        try (RandomAccessFile holder = new RandomAccessFile(fifo, "rw")) {
            holder.write(new byte[65536]);
            long start = System.nanoTime();
            Result with = run(true, "throw");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(1, with.status);
            assertTrue(with.stderr.startsWith("Exception in thread \"main\" java.lang.IllegalStateException"));
            assertTrue(millis < 5000, "exit took " + millis + " ms");
        }
    }

    @Test
    void with_exitFrom_an_exit_called_by_other_code_is_a_crash_with_the_callers_stack_and_the_status_stays() throws Exception {
        try (RandomAccessFile reader = new RandomAccessFile(fifo, "rw")) {
            Result with = run("exitFrom=org.example.Booter", "exit");
            assertEquals(7, with.status);
            assertEquals("", with.stderr);
            String pipe = readAvailable(reader);
            assertTrue(pipe.matches("(?s).* CRASH \\d+ 0 0 \\d+\nException in thread \"main\" dev.crashwatch.agent"
                    + ".UnplannedExit: exit called outside org.example.Booter\n\tat [^\n]*java.lang.Runtime.exit"
                    + "[^\n]*\n\tat [^\n]*java.lang.System.exit[^\n]*\n\tat [^\n]*dev.crashwatch.agent.fixtures.Apps"
                    + ".main\\(Apps.java:\\d+\\)\n.* BYE .*"), pipe);
        }
    }

    @Test
    void an_exit_from_the_exitFrom_class_or_without_the_option_is_no_crash() throws Exception {
        try (RandomAccessFile reader = new RandomAccessFile(fifo, "rw")) {
            assertEquals(7, run("exitFrom=dev.crashwatch.agent.fixtures.Apps", "exit").status);
            assertEquals(7, run("", "exit").status);
            assertEquals(0, run("exitFrom=org.example.Booter", "ok").status);
            String pipe = readAvailable(reader);
            assertTrue(!pipe.contains(" CRASH ") && pipe.contains(" BYE "), pipe);
        }
    }

    private static final class Result {
        int status;
        String stderr;
    }

    private Result run(boolean agent, String appCase) throws Exception {
        return run(agent ? "" : null, appCase);
    }

    /** Runs {@code Apps appCase}, with the agent in launcher mode and {@code options} after the pipe unless null. */
    private Result run(String options, String appCase) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        if (options != null) {
            command.add("-javaagent:" + agentJar + "=pipe=" + fifo + (options.isEmpty() ? "" : "," + options));
        }
        command.add("-cp");
        command.add(Paths.get(dev.crashwatch.agent.fixtures.Apps.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).toString());
        command.add(dev.crashwatch.agent.fixtures.Apps.class.getName());
        command.add(appCase);
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = builder.start();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES), "still running");
        Result r = new Result();
        r.status = p.exitValue();
        r.stderr = new String(Files.readAllBytes(err), StandardCharsets.UTF_8);
        return r;
    }

    /** Everything in the FIFO now (the writer has exited; the test's read-write handle keeps the data). */
    private static String readAvailable(RandomAccessFile reader) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        java.io.FileInputStream in = new java.io.FileInputStream(reader.getFD());
        byte[] chunk = new byte[8192];
        while (in.available() > 0) {
            int n = in.read(chunk);
            all.write(chunk, 0, n);
        }
        return all.toString(StandardCharsets.UTF_8);
    }
}
