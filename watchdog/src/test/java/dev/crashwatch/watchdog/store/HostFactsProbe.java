package dev.crashwatch.watchdog.store;

import java.nio.file.Paths;

/** A child JVM for {@link HostFactsTest}: prints this machine's host facts as the store at {@code args[0]} gives them. */
public final class HostFactsProbe {
    private HostFactsProbe() {
    }

    public static void main(String[] args) {
        HostFacts facts = Store.at(Paths.get(args[0])).hostFacts();
        System.out.println("facts " + facts.os() + " " + facts.arch());
    }
}
