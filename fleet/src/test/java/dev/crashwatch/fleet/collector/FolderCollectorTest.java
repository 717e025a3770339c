package dev.crashwatch.fleet.collector;

import dev.crashwatch.fleet.storage.FolderStore;
import dev.crashwatch.fleet.storage.ObjectStore;
import java.nio.file.Path;

class FolderCollectorTest extends CollectorContract {
    @Override
    ObjectStore open(Path dir) throws Exception {
        return new FolderStore(dir);
    }
}
