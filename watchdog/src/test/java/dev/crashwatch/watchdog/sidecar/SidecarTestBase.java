package dev.crashwatch.watchdog.sidecar;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Each test gets a working directory (the samples' cwd: hs_err logs land there) and a store of its own. */
abstract class SidecarTestBase {
    @TempDir
    Path work;
    SidecarStore store;

    @BeforeEach
    void freshStore() {
        store = new SidecarStore(work.resolve("store"));
    }

    /** A failed test must not leave sidecars running. */
    @AfterEach
    void noSidecarLeftBehind() {
        store.killLeftovers();
    }
}
