package shop;

/** Crashes the test JVM's other thread: the fork prints the trace and goes on; crashwatch counts it. */
class CrashTest {
    @org.junit.jupiter.api.Test
    void crashes_a_thread_of_the_fork() throws Exception {
        Thread t = new Thread(() -> {
            throw new IllegalStateException("boom");
        });
        t.start();
        t.join();
    }
}
