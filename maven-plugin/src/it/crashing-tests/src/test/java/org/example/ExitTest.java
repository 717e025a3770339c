package org.example;

import org.junit.jupiter.api.Test;

/** Code under test calls System.exit: the fork ends without saying goodbye to Surefire. */
class ExitTest {
    @Test
    void exits() {
        Shutdown.now();
    }

    static final class Shutdown {
        static void now() {
            System.exit(3);
        }
    }
}
