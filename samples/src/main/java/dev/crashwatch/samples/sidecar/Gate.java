package dev.crashwatch.samples.sidecar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lets a test hold a sample at the start of {@code main}: with a first argument {@code --wait-stdin}, the sample
 * reads one line from stdin before it goes on. Meanwhile the test can look at the sidecar the agent started.
 */
final class Gate {
    static final String WAIT_STDIN = "--wait-stdin";

    private Gate() {
    }

    /** Waits for a line on stdin if asked to; returns the arguments that follow. */
    static String[] pass(String[] args) throws IOException {
        if (args.length == 0 || !args[0].equals(WAIT_STDIN)) {
            return args;
        }
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return Arrays.copyOfRange(args, 1, args.length);
    }
}
