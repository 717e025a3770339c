package dev.crashwatch.watchdog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostFactsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"amd64, amd64", "x86_64, amd64", "aarch64, arm64", "i686, 386", "sparcv9, sparcv9"})
    void arch_uses_go_names(String osArch, String expected) {
        assertEquals(expected, HostFacts.arch(osArch));
    }

    @ParameterizedTest
    @CsvSource({"Linux, linux", "Mac OS X, macos", "Windows 11, windows", "FreeBSD, freebsd"})
    void family_is_one_lower_case_word(String osName, String expected) {
        assertEquals(expected, HostFacts.family(osName));
    }

    @ParameterizedTest
    @CsvSource({"'12 (bookworm)', 12", "14.5, 14", "'', ''", "rolling, ''"})
    void major_is_the_leading_number(String version, String expected) {
        assertEquals(expected, HostFacts.major(version));
    }

    @Test
    void this_machine_is_described_coarsely_and_once_per_jvm() {
        Store store = Store.at(dir);
        HostFacts facts = store.hostFacts();
        assertTrue(facts.os().matches("[a-z]+(-[a-z0-9]+-[0-9]+|-[0-9]+)?"), facts.os());
        assertTrue(facts.arch().matches("[a-z0-9]+"), facts.arch());
        assertEquals(OshiHostFacts.detect(), facts);
        assertTrue(facts == store.hostFacts());
    }

    @Test
    void the_store_keeps_them_in_a_readable_file_and_a_later_jvm_reads_it_without_loading_oshi() throws Exception {
        List<String> first = probe();
        assertTrue(first.stream().anyMatch(l -> l.contains(" oshi.SystemInfo ")), "the first JVM computes them");
        String text = Files.readString(dir.resolve(HostFactsFile.NAME));
        HostFacts facts = OshiHostFacts.detect();
        assertTrue(text.contains("\nos=" + facts.os() + "\narch=" + facts.arch() + "\n"), text);
        assertTrue(text.contains("\nos.version=" + System.getProperty("os.version") + "\n"), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve(HostFactsFile.NAME))));

        List<String> second = probe();
        assertTrue(second.contains("facts " + facts.os() + " " + facts.arch()), second::toString);
        assertTrue(second.stream().noneMatch(l -> l.contains(" oshi.")), "a cache hit loads no oshi class");
        assertTrue(second.stream().anyMatch(l -> l.contains(" " + HostFactsFile.class.getName() + " ")),
                "the class-load log is there to look at");
    }

    @Test
    void the_file_answers_while_its_cheap_facts_match() {
        Path file = dir.resolve(HostFactsFile.NAME);
        write(file, HostFactsFile.format(HostFactsFile.cheapFacts(), PLAN9));
        assertEquals(PLAN9, HostFactsFile.readOrCompute(file, HostFactsFile.cheapFacts()));
    }

    @Test
    void a_changed_cheap_fact_means_an_os_upgrade_and_recomputes() throws Exception {
        Path file = dir.resolve(HostFactsFile.NAME);
        Map<String, String> before = new LinkedHashMap<>(HostFactsFile.cheapFacts());
        before.put("os.version", "0.0.1-before-the-upgrade");
        write(file, HostFactsFile.format(before, PLAN9));
        assertEquals(OshiHostFacts.detect(), HostFactsFile.readOrCompute(file, HostFactsFile.cheapFacts()));
        assertEquals(HostFactsFile.format(HostFactsFile.cheapFacts(), OshiHostFacts.detect()), Files.readString(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\u0000\u0001binary\uFFFD", "os=plan9-7\n", "os=../../etc\narch=amd64\n",
            "os=\narch=amd64\n", "os=Plan9\narch=amd64\n"})
    void a_damaged_file_is_recomputed_not_fatal(String damage) throws Exception {
        Path file = dir.resolve(HostFactsFile.NAME);
        String cheap = HostFactsFile.format(HostFactsFile.cheapFacts(), PLAN9).replaceAll("(?m)^(os|arch)=.*\n", "");
        write(file, damage.startsWith("os=") ? cheap + damage : damage);
        assertEquals(OshiHostFacts.detect(), HostFactsFile.readOrCompute(file, HostFactsFile.cheapFacts()));
        assertEquals(HostFactsFile.format(HostFactsFile.cheapFacts(), OshiHostFacts.detect()), Files.readString(file));
    }

    @Test
    void a_store_that_cannot_be_written_still_gets_the_facts() throws Exception {
        Path notADir = dir.resolve("file");
        Files.writeString(notADir, "x");
        assertEquals(OshiHostFacts.detect(),
                HostFactsFile.readOrCompute(notADir.resolve(HostFactsFile.NAME), HostFactsFile.cheapFacts()));
    }

    private static final HostFacts PLAN9 = new HostFacts("plan9-7", "mips");

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs {@link HostFactsProbe} on the store in a new JVM, logging class loading; its output lines. */
    private List<String> probe() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load:stdout", "-cp", System.getProperty("java.class.path"),
                HostFactsProbe.class.getName(), dir.toString()).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> String.join("\n", lines));
        return lines;
    }
}
