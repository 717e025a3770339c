package org.example;

import org.junit.jupiter.api.Test;

/** Failsafe's fork: a worker thread dies of an uncaught exception; the test passes and the build goes on. */
class WorkerThreadIT {
    @Test
    void workerDies() throws InterruptedException {
        Thread worker = new Thread(WorkerThreadIT::serve, "server");
        worker.start();
        worker.join();
    }

    private static void serve() {
        throw new UnsupportedOperationException("no such route");
    }
}
