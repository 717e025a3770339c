package dev.crashwatch.agent;

/** The shutdown hook that sends the {@code BYE} record: the JVM is exiting in an orderly way. */
final class ByeHook extends Thread {
    private final Agent agent;

    ByeHook(Agent agent) {
        super("crashwatch-bye");
        this.agent = agent;
    }

    @Override
    public void run() {
        agent.sayBye();
    }
}
