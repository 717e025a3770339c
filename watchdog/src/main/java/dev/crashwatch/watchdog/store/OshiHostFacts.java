package dev.crashwatch.watchdog.store;

import oshi.SystemInfo;
import oshi.software.os.OperatingSystem;

/**
 * Computes this machine's {@link HostFacts} with oshi: the only class that touches oshi, loaded only when the
 * store's {@code host-facts} file is missing, unreadable or stale ({@link HostFactsFile}).
 */
final class OshiHostFacts {
    private OshiHostFacts() {
    }

    /** The facts of this machine, from the JVM's {@code os.*} properties and oshi. */
    static HostFacts detect() {
        return new HostFacts(detectOs(), HostFacts.arch(System.getProperty("os.arch", "unknown")));
    }

    private static String detectOs() {
        String family = HostFacts.family(System.getProperty("os.name", "unknown"));
        try {
            OperatingSystem os = new SystemInfo().getOperatingSystem();
            String major = HostFacts.major(os.getVersionInfo().getVersion());
            if (family.equals("linux")) {
                String distro = HostFacts.word(os.getFamily());
                return major.isEmpty() || distro.isEmpty() ? family : family + "-" + distro + "-" + major;
            }
            return major.isEmpty() ? family : family + "-" + major;
        } catch (RuntimeException | LinkageError e) {
            return family;
        }
    }
}
