package dev.crashwatch.fleet.storage;

import dev.crashwatch.fleet.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The storage rules over the real S3 protocol: S3Proxy in this JVM on loopback, a folder behind it. */
class S3StorageTest extends StorageContract {
    static Path proxyDir;
    static S3ProxyServer proxy;
    static int stores;

    @BeforeAll
    static void startProxy() throws Exception {
        proxyDir = Files.createTempDirectory("s3proxy");
        proxy = new S3ProxyServer(proxyDir);
    }

    @AfterAll
    static void stopProxy() throws Exception {
        proxy.close();
    }

    @Override
    ObjectStore open(Path dir) {
        return proxy.store("test" + (++stores) + "/fleet");
    }
}
