package dev.crashwatch.watchdog.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away second local user, the attacker of the security tests (issue 15): created with {@code useradd},
 * its commands run with {@code setpriv}, deleted with {@code userdel} on close. Needs root (CI runs as root); the
 * calling test is skipped, saying so, without it.
 */
public final class SecondUser implements AutoCloseable {
    private final String name;
    private final int uid;

    private SecondUser(String name, int uid) {
        this.name = name;
        this.uid = uid;
    }

    /** Creates the user; skips the test when this is not root or the tools are missing. */
    public static SecondUser create() throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")), "not root: second-user tests skipped");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/useradd")) && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "no useradd or setpriv: second-user tests skipped");
        String name = "cwatk" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20));
        check(List.of("/usr/sbin/useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", name));
        String id = new String(new ProcessBuilder("id", "-u", name).start().getInputStream().readAllBytes()).trim();
        return new SecondUser(name, Integer.parseInt(id));
    }

    public String name() {
        return name;
    }

    /** Runs {@code sh -c script} as this user; returns its exit status. */
    public int sh(String script) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + uid,
                "--clear-groups", "--", "/bin/sh", "-c", script));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("attacker's step hung: " + script);
        }
        return p.exitValue();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        check(List.of("/usr/sbin/userdel", name));
    }

    private static void check(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(command + " failed: " + out);
        }
    }
}
