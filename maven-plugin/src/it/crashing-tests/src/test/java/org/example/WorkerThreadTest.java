package org.example;

import org.junit.jupiter.api.Test;

/** A worker thread dies of an uncaught exception; the test itself passes and the fork lives on. */
class WorkerThreadTest {
    @Test
    void workerDies() throws InterruptedException {
        Thread worker = new Thread(WorkerThreadTest::work, "worker");
        worker.start();
        worker.join();
    }

    private static void work() {
        throw new IllegalStateException("worker gave up");
    }
}
