package dev.crashwatch.agent.sidecar;

/** Sidecar options as the agent's {@code program=}, {@code version=}, {@code watchdog=} and {@code java=} give them. */
final class Options implements SidecarOptions {
    private final String program;
    private final String version;
    private final String watchdog;
    private final String java;

    Options(String program, String version, String watchdog, String java) {
        this.program = program;
        this.version = version;
        this.watchdog = watchdog;
        this.java = java;
    }

    static Options none() {
        return new Options(null, null, null, null);
    }

    @Override
    public String program() {
        return program;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String watchdog() {
        return watchdog;
    }

    @Override
    public String java() {
        return java;
    }
}
