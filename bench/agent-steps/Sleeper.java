/** bench/agent-steps.sh's application: sleeps long enough for the agent's start-up thread to run alone. */
public class Sleeper {
    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(700);
    }
}
