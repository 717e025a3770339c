package dev.crashwatch.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.dist.OrdinaryUser.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code .ci/setup} fails, naming what is missing, when it cannot install what the tests need (here: an ordinary user
 * on a PATH without a C compiler or Chromium), so that CI stops instead of testing less; {@code ./test.sh} on a
 * developer's machine goes on and lists the skips.
 */
class CiSetupIT {
    @Test
    void setup_fails_and_names_the_tools_it_could_not_install() throws Exception {
        // The user's copy of the script, in the system's temporary directory: a checkout may sit under a 0700 directory.
        Path dir = Files.createTempDirectory("ci-setup",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        OrdinaryUser user = OrdinaryUser.under(dir);
        // A PATH with the shell and the few commands the script itself uses, and none of the tools.
        Path bare = Files.createDirectories(dir.resolve("bare-bin"));
        for (String tool : List.of("sh", "id", "grep", "cat")) {
            Files.createSymbolicLink(bare.resolve(tool), Path.of("/bin", tool).toRealPath());
        }
        Path setup = Files.copy(Path.of("..", ".ci", "setup").toAbsolutePath().normalize(), dir.resolve("setup"));
        Result r = user.run(List.of("/bin/sh", setup.toString()), Map.of("PATH", bare.toString()));
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("not root, cannot install: cc chromium chromedriver"), r.err());
    }
}
