package dev.crashwatch.fleet.cli;

import dev.crashwatch.watchdog.cli.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The few argument shapes the fleet's client commands take: known flags, then positional words. */
final class FleetArgs {
    private FleetArgs() {
    }

    /** The flags given; anything else is a usage error. */
    static Set<String> flagsOnly(List<String> args, String... known) throws UsageException {
        List<String> words = new ArrayList<>();
        Set<String> flags = flags(args, words, known);
        if (!words.isEmpty()) {
            throw new UsageException("unexpected argument '" + words.get(0) + "'");
        }
        return flags;
    }

    /** The flags given; the other arguments are added to {@code words}; an unknown option is a usage error. */
    static Set<String> flags(List<String> args, List<String> words, String... known) throws UsageException {
        Set<String> flags = new java.util.HashSet<>();
        for (String a : args) {
            if (Set.of(known).contains(a)) {
                flags.add(a);
            } else if (a.startsWith("-") && a.length() > 1) {
                throw new UsageException("unknown option '" + a + "'");
            } else {
                words.add(a);
            }
        }
        return flags;
    }
}
