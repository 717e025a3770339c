package dev.crashwatch.agent.wire;

import java.util.Arrays;

/**
 * The crash pipe's wire format, defined once: the agent writes it, the watchdog reads it.
 * See {@code docs/protocol.md} for the full description.
 *
 * <p>A record (hello, crash, bye) travels as one or more frames. Each frame is one ASCII header line
 * {@code CW1 <pid> <kind> <record> <part> <more> <length>\n} followed by {@code length} payload bytes,
 * and is at most {@link #MAX_FRAME} bytes long, so that one {@code write(2)} of it into a pipe is atomic:
 * frames from several threads or several JVMs sharing one pipe never interleave within a frame, and the
 * reader joins the parts of a record by (pid, record).
 */
public final class Wire {
    /** First token of every frame header; the version of this format. */
    public static final String MAGIC = "CW1";
    /** Largest frame, header included: PIPE_BUF on Linux, the size up to which pipe writes are atomic. */
    public static final int MAX_FRAME = 4096;
    /** Room reserved for the header line; payload per frame is {@code MAX_FRAME - MAX_HEADER}. */
    public static final int MAX_HEADER = 96;
    /** Largest payload carried in one frame. */
    public static final int MAX_PAYLOAD = MAX_FRAME - MAX_HEADER;

    /** Sent once at agent start: facts about the JVM as {@code key=value} lines. */
    public static final String HELLO = "HELLO";
    /** The text of an uncaught exception, exactly as the JVM prints it on stderr. */
    public static final String CRASH = "CRASH";
    /** Sent from a shutdown hook: the JVM is exiting in an orderly way (System.exit, end of main, SIGTERM). */
    public static final String BYE = "BYE";
    /** Written by the watchdog itself into its own FIFO after the child is gone: nothing follows. */
    public static final String END = "END";

    /** HelloRecord keys. */
    public static final String KEY_PID = "pid";
    public static final String KEY_START_MILLIS = "startMillis";
    public static final String KEY_JAVA_VERSION = "javaVersion";
    public static final String KEY_MAIN = "main";
    /** The main jar's manifest {@code Main-Class}, when the JVM runs a jar. */
    public static final String KEY_MAIN_CLASS = "mainClass";
    /** The main jar's manifest {@code Automatic-Module-Name}, when it has one. */
    public static final String KEY_MODULE_NAME = "moduleName";
    public static final String KEY_PROGRAM = "program";
    public static final String KEY_VERSION = "version";
    public static final String KEY_CWD = "cwd";
    public static final String KEY_TMPDIR = "tmpdir";
    public static final String KEY_ERROR_FILE = "errorFile";
    public static final String KEY_EXIT_ON_OOM = "exitOnOutOfMemoryError";
    public static final String KEY_CLASS_PATH = "classPath";
    /**
     * First byte of each line of facts a {@code CRASH} payload may begin with, before the JVM's text (which never
     * begins so): {@code \0key=value\n}, value escaped as in the hello. The agent sends {@link #KEY_CLASS_PATH} so
     * when the class path changed since the hello (Surefire's fork rewrites {@code java.class.path} after premain).
     */
    public static final byte CRASH_FACT = 0;
    /** Bye key: whether the application replaced crashwatch's default uncaught-exception handler. */
    public static final String KEY_HANDLER_REPLACED = "handlerReplaced";

    private Wire() {
    }

    /** The header line of one frame, ASCII, ending in a newline. */
    public static byte[] header(long pid, String kind, long record, int part, boolean more, int length) {
        byte[] line = new byte[MAX_HEADER];
        return Arrays.copyOf(line, writeHeader(line, 0, pid, kind, record, part, more, length));
    }

    /**
     * Writes the header line of one frame into {@code dst} at {@code off} without allocating anything (the agent's
     * crash path may run with the heap exhausted); returns the offset just past the newline. {@code dst} needs
     * {@link #MAX_HEADER} bytes of room.
     */
    public static int writeHeader(byte[] dst, int off, long pid, String kind, long record, int part, boolean more,
            int length) {
        int at = ascii(dst, off, MAGIC);
        at = decimal(dst, space(dst, at), pid);
        at = ascii(dst, space(dst, at), kind);
        at = decimal(dst, space(dst, at), record);
        at = decimal(dst, space(dst, at), part);
        at = decimal(dst, space(dst, at), more ? 1 : 0);
        at = decimal(dst, space(dst, at), length);
        dst[at] = '\n';
        return at + 1;
    }

    private static int space(byte[] dst, int at) {
        dst[at] = ' ';
        return at + 1;
    }

    private static int ascii(byte[] dst, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            dst[at++] = (byte) text.charAt(i);
        }
        return at;
    }

    private static int decimal(byte[] dst, int at, long value) {
        if (value < 0) {
            dst[at++] = '-';
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        long rest = value;
        for (int i = digits - 1; i >= 0; i--) {
            dst[at + i] = (byte) ('0' + Math.abs(rest % 10));
            rest /= 10;
        }
        return at + digits;
    }

    /** Escapes a hello value so that it fits on one line with no tab: backslash, newline, CR and tab. */
    public static String escape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0 && value.indexOf('\t') < 0) {
            return value; // The usual case, and no copy on the agent's start-up thread.
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t"); // so that a payload's lines can stand on one line, tab-separated (runs journal)
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Reverses {@link #escape}. */
    public static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char n = value.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n == 't' ? '\t' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
