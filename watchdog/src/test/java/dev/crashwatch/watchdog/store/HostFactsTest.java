package dev.crashwatch.watchdog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostFactsTest {
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
    void this_machine_is_described_coarsely_and_once() {
        HostFacts facts = HostFacts.get();
        assertTrue(facts.os().matches("[a-z]+(-[a-z0-9]+-[0-9]+|-[0-9]+)?"), facts.os());
        assertTrue(facts.arch().matches("[a-z0-9]+"), facts.arch());
        assertTrue(facts == HostFacts.get());
    }
}
