package dev.crashwatch.samples;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** Crashes that kill the JVM from native code, through JNA: a HotSpot fatal error or a signal. */
final class NativeCrashes {
    /** The few libc functions the samples call. */
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        void abort();

        int kill(int pid, int signal);
    }

    private NativeCrashes() {
    }

    /** SIGSEGV in native code: a read through a null pointer with JNA's protection off. */
    static void readNullPointer() {
        Native.setProtected(false);
        Pointer nowhere = new Pointer(0L);
        System.out.println("read " + nowhere.getLong(0));
    }

    /** SIGABRT from libc's abort(): HotSpot writes a fatal error log and the JVM exits with 134. */
    static void abort() {
        LibC.INSTANCE.abort();
    }

    /** SIGKILL to this JVM: no handler, no hook, no log runs. */
    static void killSelf() {
        LibC.INSTANCE.kill((int) ProcessHandle.current().pid(), 9);
    }
}
