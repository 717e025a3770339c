package dev.crashwatch.watchdog.view;

import dev.crashwatch.watchdog.store.Mode;

/** What each mode means, in one sentence for the page's header. */
final class ModeText {
    private ModeText() {
    }

    static String meaning(Mode mode) {
        return switch (mode) {
            case LOCAL -> "Crashes are counted here, in this store, and never sent anywhere.";
            case ON -> "Crashes are counted here, and each ended week's report is sent to the collector after the"
                + " grace period; crashwatch reports shows every report, byte for byte as sent.";
            case OFF -> "Nothing is recorded: wrapped programs still run, but no crash is counted.";
        };
    }
}
