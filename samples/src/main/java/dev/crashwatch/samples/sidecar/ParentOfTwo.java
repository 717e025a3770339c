package dev.crashwatch.samples.sidecar;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM that starts two child JVMs running {@code Crash <kind>}, with its own environment (so a
 * {@code JAVA_TOOL_OPTIONS=-javaagent:...} reaches both children), waits for them and exits 0:
 * {@code ParentOfTwo <kind>}. With the agent, that is three JVMs and three sidecars at most.
 */
public final class ParentOfTwo {
    private ParentOfTwo() {
    }

    public static void main(String[] args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "dev.crashwatch.samples.Crash"));
            command.addAll(List.of(args));
            children.add(new ProcessBuilder(command).inheritIO().start());
        }
        for (Process child : children) {
            System.out.println("child " + child.pid() + " exited " + child.waitFor());
        }
    }
}
