package dev.crashwatch.watchdog.store;

import java.util.Locale;

/**
 * The coarse facts about this machine that name a counter file: the OS as family and major version
 * ({@code linux-debian-12}, {@code macos-14}, {@code windows-11}) and the arch ({@code amd64}, {@code arm64}).
 * Nothing finer (no kernel build, no host name). oshi computes them ({@link OshiHostFacts}, 100-200 ms to load),
 * once per machine: the store keeps them in its {@code host-facts} file ({@link HostFactsFile},
 * {@link Store#hostFacts()}). This class itself never touches oshi.
 *
 * @param os   family and major version; just the family ({@code linux}) when the version is unknown
 * @param arch Go-style architecture name
 */
public record HostFacts(String os, String arch) {

    /** {@code linux}, {@code macos}, {@code windows}, or the OS name's first word, lower case. */
    static String family(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return "macos";
        }
        if (n.startsWith("windows")) {
            return "windows";
        }
        return word(n);
    }

    /** Go's GOARCH names for the common JVM {@code os.arch} values. */
    static String arch(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "386";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            default -> word(osArch);
        };
    }

    /** The leading number of a version ({@code 12} of {@code 12 (bookworm)}, {@code 14} of {@code 14.5}). */
    static String major(String version) {
        if (version == null) {
            return "";
        }
        String digits = version.trim().replaceFirst("^([0-9]+).*$", "$1");
        return digits.matches("[0-9]+") ? digits : "";
    }

    /** The first word of {@code text}, lower case, letters and digits only. */
    static String word(String text) {
        if (text == null) {
            return "";
        }
        String first = text.trim().split("[^A-Za-z0-9]+", 2)[0];
        return first.toLowerCase(Locale.ROOT);
    }
}
