package dev.crashwatch.agent.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crashwatch.agent.fixtures.Fifos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which directories and FIFOs the agent trusts: this user's own, never through a link. (A user without a name, whose
 * files' owner reads as its uid: UnnamedUserIT, which runs JVMs as one.)
 */
class PrivateDirTest {
    @TempDir
    Path tmp;

    @Test
    void this_process_uid_is_the_owner_of_the_files_it_creates() throws Exception {
        Path made = Files.createFile(tmp.resolve("made"));
        assertEquals(((Integer) Files.getAttribute(made, "unix:uid")).longValue(), ProcSelf.effectiveUid());
        assertTrue(PrivateDir.ownedByThisUser(made));
        assertFalse(PrivateDir.ownedByThisUser(tmp.resolve("missing")));
    }

    @Test
    void a_private_directory_and_a_fifo_in_it_are_trusted_and_nothing_else_is() throws Exception {
        Path dir = PrivateDir.ensure(tmp.resolve("a/b"));
        assertNull(PrivateDir.problem(dir));
        Path fifo = Fifos.mkfifo(dir.resolve("crash.fifo")).toPath();
        assertNull(PrivateDir.fifoProblem(fifo));

        Path regular = Files.createFile(dir.resolve("regular"));
        assertTrue(PrivateDir.fifoProblem(regular).endsWith("is not a FIFO"));
        assertTrue(PrivateDir.fifoProblem(dir.resolve("missing")).endsWith("is not a FIFO"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), fifo);
        assertTrue(PrivateDir.fifoProblem(link).endsWith("is not a FIFO"), "a link to a FIFO is no FIFO");
        Path dirLink = Files.createSymbolicLink(tmp.resolve("dir-link"), dir);
        assertTrue(PrivateDir.problem(dirLink).contains("is not a directory (or is a symbolic link)"));
        assertTrue(PrivateDir.fifoProblem(dirLink.resolve("crash.fifo")).contains("symbolic link"));

        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertTrue(PrivateDir.problem(dir).endsWith("is writable by others (mode 775)"), PrivateDir.problem(dir));
        assertTrue(PrivateDir.fifoProblem(fifo).contains("writable by others"));
    }

    /** Needs root, to give a file away. */
    @Test
    void a_directory_or_fifo_of_another_uid_is_refused_with_its_owner_named() throws Exception {
        assumeTrue(ProcSelf.effectiveUid() == 0, "not root: cannot give a file to another uid");
        Path dir = PrivateDir.ensure(tmp.resolve("theirs"));
        Path fifo = Fifos.mkfifo(PrivateDir.ensure(tmp.resolve("mine")).resolve("crash.fifo")).toPath();
        Files.setAttribute(dir, "unix:uid", 4_000_123);
        Files.setAttribute(fifo, "unix:uid", 4_000_123);
        assertTrue(PrivateDir.problem(dir).contains(" is owned by 4000123, not "), PrivateDir.problem(dir));
        assertTrue(PrivateDir.fifoProblem(fifo).contains(" is owned by 4000123, not "));
        assertFalse(PrivateDir.ownedByThisUser(fifo));
    }
}
