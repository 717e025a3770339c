/**
 * Times the JVM's first and second ProcessBuilder.start of /bin/true: the first pays for the JDK's process code and
 * its lambdas (docs/benchmarks.md, "The first lambda of the JVM"). Run: java bench/lambda/FirstProcessStart.java
 */
public class FirstProcessStart {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Process first = new ProcessBuilder("/bin/true").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long t1 = System.nanoTime();
        first.waitFor();
        long t2 = System.nanoTime();
        new ProcessBuilder("/bin/true").redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        long t3 = System.nanoTime();
        System.out.println("first start " + (t1 - t0) / 1000 + " us, second start and wait " + (t3 - t2) / 1000 + " us");
    }
}
