package dev.crashwatch.watchdog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.testing.SecondUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store, or a directory in it, that another user owns or can write, or that is a symbolic link, is refused with a
 * one-line reason (issue 15, security item 2); nothing inside the store is followed through a link.
 */
class PrivateStoreIT {
    private static final String NPE = "crash/crash\njava.lang.NullPointerException\ncom.example.Main.main:+3";

    @TempDir
    Path dir;

    @Test
    void a_world_writable_store_is_refused_with_a_reason_and_status_says_it() throws Exception {
        Path storeDir = Files.createDirectories(dir.resolve("store"));
        Files.setPosixFilePermissions(storeDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Store store = Store.at(storeDir);
        IOException e = assertThrows(IOException.class, () -> store.increment(StoreTest.KEY, NPE));
        assertTrue(e.getMessage().contains("writable by others"), e.getMessage());
        assertTrue(store.refusal().orElseThrow().contains("writable by others"));
        assertEquals(0, Files.list(storeDir).count(), "nothing written");
    }

    @Test
    void a_store_owned_by_another_user_is_refused() throws Exception {
        Path storeDir = Files.createDirectories(dir.resolve("store"));
        try (SecondUser other = SecondUser.create()) {
            Files.setOwner(storeDir, storeDir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(other.name()));
            Store store = Store.at(storeDir);
            IOException e = assertThrows(IOException.class, () -> store.increment(StoreTest.KEY, NPE));
            assertTrue(e.getMessage().contains("owned by " + other.name()), e.getMessage());
            Files.setOwner(storeDir, storeDir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name")));
        }
    }

    @Test
    void a_malformed_or_log_directory_that_is_a_link_is_refused_and_not_followed() throws Exception {
        Path storeDir = Files.createDirectories(dir.resolve("store"));
        Files.setPosixFilePermissions(storeDir, PosixFilePermissions.fromString("rwx------"));
        Path elsewhere = Files.createDirectories(dir.resolve("victim"));
        Files.createSymbolicLink(storeDir.resolve("malformed"), elsewhere);
        Store store = Store.at(storeDir);
        assertThrows(IOException.class, () -> store.saveMalformed(new byte[] {1, 2, 3}));
        assertThrows(IOException.class, () -> store.add(StoreTest.KEY, Map.of(NPE, 1L)));
        assertThrows(IOException.class, () -> store.logFile("sidecar.log"));
        assertEquals(0, Files.list(elsewhere).count());
    }
}
