package dev.crashwatch.fleet.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FolderStorageTest extends StorageContract {
    @Override
    ObjectStore open(Path dir) throws Exception {
        return new FolderStore(dir);
    }

    @Test
    void temporary_files_a_killed_collector_left_are_removed_at_open() throws Exception {
        Path leftover = dir.resolve(FolderStore.TEMP).resolve("half-written.tmp");
        Files.writeString(leftover, "{\"format\":");
        new FolderStore(dir).close();
        assertFalse(Files.exists(leftover));
        assertEquals(List.of(), objects.list(ReportArchive.RECEIVED));
    }

    @Test
    void a_key_never_leaves_the_root() {
        assertThrows(IllegalArgumentException.class, () -> objects.put("../outside", new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> objects.put("/etc/passwd", new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> objects.put("a/../../b", new byte[1]));
    }
}
