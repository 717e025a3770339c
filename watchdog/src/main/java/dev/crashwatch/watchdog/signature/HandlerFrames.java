package dev.crashwatch.watchdog.signature;

import dev.crashwatch.watchdog.parse.NativeFrame;
import java.util.List;

/**
 * The frames HotSpot's own error reporting and signal handling put on top of a fatal error's stack ({@code
 * VMError::report_and_die}, {@code report_fatal}, libc {@code raise}/{@code abort}...). They are the same for every
 * crash and differ between JDK releases, so they are dropped while they lead the stack.
 */
final class HandlerFrames {
    private static final List<String> VM_PREFIXES = List.of(
            "VMError::", "report_", "os::abort", "os::die", "os::signal", "JVM_handle_", "signalHandler", "crash_handler",
            "debug_only", "blob", "fatal", "print_error_for_unit_test");
    private static final List<String> LIBC = List.of(
            "raise", "abort", "gsignal", "pthread_kill", "__pthread_kill_implementation", "__pthread_kill_internal",
            "__GI_raise", "__GI_abort", "__restore_rt", "_sigtramp");

    private HandlerFrames() {
    }

    /** Why a leading frame is error-handling plumbing, or null. */
    static String reason(NativeFrame f) {
        String symbol = f.symbol();
        if (symbol == null || f.isJava()) {
            return null;
        }
        if (f.marker() == 'V') {
            for (String p : VM_PREFIXES) {
                if (symbol.startsWith(p)) {
                    return "HotSpot error-reporting frame above the crash site";
                }
            }
        }
        if (f.marker() == 'C' && LIBC.contains(symbol)) {
            return "libc signal/abort frame above the crash site";
        }
        return null;
    }
}
