import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

/**
 * A start-up benchmark variant (bench/launcher-parts.sh, "bootpath-hold"): the crashwatch agent's floor, an agent on
 * the boot class path whose premain only opens the main jar of {@code java -jar} and holds it, as the crashwatch
 * agent's MainJar.holdOpen does, and returns.
 */
public final class HoldAgent {
    private static volatile JarFile held;

    private HoldAgent() {
    }

    public static void premain(String options, Instrumentation inst) {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && classPath.indexOf(File.pathSeparatorChar) < 0) {
            try {
                held = new JarFile(new File(classPath), false);
            } catch (Exception unreadable) {
                // Nothing held: the variant is then the boot class path alone.
            }
        }
    }
}
