package dev.crashwatch.watchdog.store.files;

import dev.crashwatch.agent.wire.PrivateDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a directory may be trusted with the store's files, by the agent's rule ({@link PrivateDir#problem}, the
 * one definition): looked at without following links, a directory, not a symbolic link, owned by the user this JVM
 * runs as, and writable by nobody else. Another local user who owns, or can write into, a directory could swap a
 * file in it for a link to one of the victim's.
 */
public final class OwnDirectory {
    private OwnDirectory() {
    }

    /** Why {@code dir} must not be used, in one line; empty when it is fine or does not exist (yet). */
    public static Optional<String> problem(Path dir) {
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            return Optional.ofNullable(PrivateDir.problem(dir));
        } catch (IOException | RuntimeException e) {
            return Optional.of(dir + " cannot be checked: " + e.getMessage());
        }
    }
}
