package dev.crashwatch.watchdog.watch;

import dev.crashwatch.agent.wire.Wire;
import dev.crashwatch.watchdog.pipe.Hello;
import dev.crashwatch.watchdog.store.HostFacts;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import java.time.LocalDate;

/**
 * Names the counter file a JVM's crashes go to: program (the user's {@code --program}, else the hello's
 * program, else the simple name of the main class or jar), version ({@code --version}, else the hello's,
 * else {@value #DEVEL}), the JVM's Java version, this host's OS and arch, and the week.
 */
final class CounterKeys {
    /** The version of a program that does not say its version (as Go calls an unversioned build). */
    static final String DEVEL = "devel";
    static final String UNKNOWN = "unknown";

    private CounterKeys() {
    }

    static CounterFileKey of(Hello hello, Labels labels, HostFacts host, LocalDate week) {
        return new CounterFileKey(program(hello, labels), version(hello, labels),
                orElse(hello.get(Wire.KEY_JAVA_VERSION), UNKNOWN), host.os(), host.arch(), week);
    }

    static String program(Hello hello, Labels labels) {
        if (labels.program() != null) {
            return labels.program();
        }
        return orElse(hello.get(Wire.KEY_PROGRAM), orElse(simpleName(hello.get(Wire.KEY_MAIN)), UNKNOWN));
    }

    static String version(Hello hello, Labels labels) {
        return labels.version() != null ? labels.version() : orElse(hello.get(Wire.KEY_VERSION), DEVEL);
    }

    /** {@code app} for {@code /opt/app.jar}, {@code Server} for {@code com.example.Server} or {@code mod/com.example.Server}. */
    static String simpleName(String main) {
        String s = main.strip();
        s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
        if (s.endsWith(".jar")) {
            return s.substring(0, s.length() - ".jar".length());
        }
        return s.substring(s.lastIndexOf('.') + 1);
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
