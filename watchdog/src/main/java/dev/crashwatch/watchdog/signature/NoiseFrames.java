package dev.crashwatch.watchdog.signature;

import java.util.List;

/**
 * Frames dropped from names because they are plumbing that differs between JDK releases without meaning anything:
 * reflection and method-handle internals, lambda proxy classes, and the virtual-thread-era {@code Thread.runWith}.
 * {@code java.lang.reflect.Method.invoke} itself is kept: it shows a reflective call happened.
 */
final class NoiseFrames {
    private static final List<String> PLUMBING_PACKAGES = List.of(
            "jdk.internal.reflect.", "sun.reflect.", "java.lang.invoke.", "jdk.internal.invoke.");

    private NoiseFrames() {
    }

    /** Why the frame is noise, or null when it tells part of the story. */
    static String reason(NamedFrame frame) {
        String c = frame.className();
        for (String p : PLUMBING_PACKAGES) {
            if (c.startsWith(p)) {
                return "reflection/method-handle plumbing (" + p + "*) differs between JDK releases";
            }
        }
        if (c.endsWith("$$Lambda") || c.contains("$$Lambda$")) {
            return "lambda proxy class: the lambda$ method frame next to it names the code";
        }
        if (c.equals("java.lang.Thread") && frame.methodName().equals("runWith")) {
            return "Thread.runWith exists only on JDK 19+; Thread.run is kept";
        }
        if (c.contains("GeneratedMethodAccessor") || c.contains("GeneratedConstructorAccessor")
                || c.contains("GeneratedSerializationConstructorAccessor")) {
            return "generated reflection accessor";
        }
        return null;
    }
}
