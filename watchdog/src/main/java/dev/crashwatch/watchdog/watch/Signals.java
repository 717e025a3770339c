package dev.crashwatch.watchdog.watch;

/** Names of POSIX signals by number (Linux numbering), as they appear in {@code crash/signal/SIG<NAME>}. */
public final class Signals {
    private static final String[] NAMES = {null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL",
        "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
        "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};

    private Signals() {
    }

    /** {@code SIGKILL} for 9; {@code SIGRTMIN+2} for real-time signals; {@code SIG<n>} when unknown. */
    public static String name(int signal) {
        if (signal > 0 && signal < NAMES.length) {
            return "SIG" + NAMES[signal];
        }
        if (signal >= 34 && signal <= 64) {
            return "SIGRTMIN+" + (signal - 34);
        }
        return "SIG" + signal;
    }

    /** The signal a process exit status stands for (128+N, as shells and {@code Process.exitValue} report), or 0. */
    public static int fromExitStatus(int status) {
        return status > 128 && status <= 128 + 64 ? status - 128 : 0;
    }
}
