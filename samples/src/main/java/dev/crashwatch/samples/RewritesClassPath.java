package dev.crashwatch.samples;

/**
 * Starts as a Surefire fork does, {@code java -cp booter.jar dev.crashwatch.samples.RewritesClassPath CLASSPATH} from a
 * manifest-only jar, then sets {@code java.class.path} to the real class path, as Surefire's booter does after the
 * agent's premain (here once the agent's start-up thread, which sends the hello, is done), and crashes. A test
 * deletes the jar when the JVM ends, as Surefire deletes its booter jar.
 */
public final class RewritesClassPath {
    private RewritesClassPath() {
    }

    public static void main(String[] args) throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("crashwatch-start")) {
                t.join();
            }
        }
        System.setProperty("java.class.path", args[0]);
        crash();
    }

    private static void crash() {
        throw new IllegalStateException("crashed after the class path was rewritten");
    }
}
