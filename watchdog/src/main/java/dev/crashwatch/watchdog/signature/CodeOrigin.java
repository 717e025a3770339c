package dev.crashwatch.watchdog.signature;

import java.util.List;

/** Tells the JDK's own frames from the rest: their line numbers change with every JDK update. */
final class CodeOrigin {
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.");

    private CodeOrigin() {
    }

    /** True for the JDK's own classes (their line numbers change with every JDK update). */
    static boolean isJdk(String className) {
        for (String p : JDK) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
