package dev.crashwatch.watchdog.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs CLI command lines in-process against one store directory (system property {@code crashwatch.dir}); public for
 * the fleet's tests, whose CLI has the fleet's commands too.
 */
public final class CliInStore {
    private final Path store;

    public CliInStore(Path store) {
        this.store = store;
    }

    /** What a command line printed and returned. */
    public record Result(int status, String out, String err) {
        public JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }

        @Override
        public String toString() {
            return "status " + status + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String before = System.getProperty("crashwatch.dir");
        System.setProperty("crashwatch.dir", store.toString());
        try {
            int status = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            if (before == null) {
                System.clearProperty("crashwatch.dir");
            } else {
                System.setProperty("crashwatch.dir", before);
            }
        }
    }
}
