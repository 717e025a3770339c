package dev.crashwatch.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A user who is not root, with a home directory of their own, running commands with a plain environment and a
 * {@code bin/} directory of their own first on the PATH. Under root (CI) it is the system user {@link #NAME},
 * created for these tests if missing, and commands run through {@code setpriv}; otherwise it is the user running
 * the tests.
 */
final class OrdinaryUser {
    static final String NAME = "crashwatch-it";
    static final long TIMEOUT_SECONDS = 120;

    private final Path home;
    private final String uid;
    private final String gid;

    private OrdinaryUser(Path home, String uid, String gid) {
        this.home = home;
        this.uid = uid;
        this.gid = gid;
    }

    /** Sets the user up with a fresh home under {@code dir} (owned by them). */
    static OrdinaryUser under(Path dir) throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("work"));
        Files.createDirectories(home.resolve("store"));
        if (!"root".equals(System.getProperty("user.name"))) {
            return new OrdinaryUser(home, null, null);
        }
        if (exec(List.of("id", "-u", NAME)) != 0
                && exec(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME)) != 0
                && exec(List.of("id", "-u", NAME)) != 0) {
            throw new IOException("cannot create the user " + NAME + " for the test");
        }
        if (exec(List.of("chown", "-R", NAME + ":", home.toString())) != 0) {
            throw new IOException("cannot give " + home + " to " + NAME);
        }
        return new OrdinaryUser(home, NAME, NAME);
    }

    Path home() {
        return home;
    }

    /** Their bin directory, first on their PATH. */
    Path bin() {
        return home.resolve("bin");
    }

    /** The java their PATH finds (its system directories: their own bin holds none). */
    java.io.File java() {
        for (String dir : List.of("/usr/local/bin", "/usr/bin", "/bin")) {
            java.io.File java = new java.io.File(dir, "java");
            if (java.canExecute()) {
                return java;
            }
        }
        throw new AssertionError("no java on the user's PATH");
    }

    /** Where their commands run. */
    Path work() {
        return home.resolve("work");
    }

    Path store() {
        return home.resolve("store");
    }

    /** A command as this user, in {@link #work()}, with {@code HOME}, {@code PATH} and the variables given only. */
    ProcessBuilder command(List<String> command, Map<String, String> extraEnv) {
        List<String> full = new ArrayList<>();
        if (uid != null) {
            full.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--init-groups", "--"));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).directory(work().toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("HOME", home.toString());
        env.put("PATH", bin() + ":/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        // Their store, named: the launcher and the JVM find the default one through the password database.
        env.put("CRASHWATCH_DIR", store().toString());
        env.putAll(extraEnv);
        return pb;
    }

    /** What a finished command printed and returned. */
    record Result(int status, String out, String err) {
    }

    Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, Map.of());
    }

    Result run(List<String> command, Map<String, String> extraEnv) throws IOException, InterruptedException {
        Path out = Files.createTempFile("cw-out", ".txt");
        Path err = Files.createTempFile("cw-err", ".txt");
        try {
            Process p = command(command, extraEnv).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(command + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static int exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
