package dev.crashwatch.watchdog.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version and commit this build was made from: {@code build.properties}, written beside this class by the build
 * ({@code watchdog/src/build/build-info.sh}); {@code unknown} where it is missing.
 */
record BuildInfo(String version, String commit) {
    static final String UNKNOWN = "unknown";

    static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // as if missing
        }
        return new BuildInfo(p.getProperty("version", UNKNOWN), p.getProperty("commit", UNKNOWN));
    }
}
