package dev.crashwatch.watchdog.watch;

import dev.crashwatch.agent.wire.Wire;
import dev.crashwatch.watchdog.pipe.Hello;
import dev.crashwatch.watchdog.store.HostFacts;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import java.time.LocalDate;

/**
 * Names the counter file a JVM's crashes go to: program and version by the naming rules ({@link ProgramNames}), the
 * JVM's Java version, this host's OS and arch, and the week.
 */
final class CounterKeys {
    private CounterKeys() {
    }

    static CounterFileKey of(Hello hello, Labels labels, HostFacts host, LocalDate week) {
        ProgramNames.Name name = ProgramNames.of(hello, labels);
        return new CounterFileKey(name.program(), name.version(),
                ProgramNames.orElse(hello.get(Wire.KEY_JAVA_VERSION), ProgramNames.UNKNOWN), host.os(), host.arch(),
                week);
    }
}
