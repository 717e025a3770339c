package org.example;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;
import sun.misc.Unsafe;

/** A write through a null pointer: SIGSEGV, HotSpot's fatal error log, the fork is gone. */
class NativeCrashTest {
    @Test
    void segfaults() throws ReflectiveOperationException {
        Field field = Unsafe.class.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        ((Unsafe) field.get(null)).putAddress(0L, 42L);
    }
}
