package dev.crashwatch.agent;

import java.io.File;
import java.net.URI;
import java.net.URL;

/**
 * The agent jar, when its classes were loaded from the boot class path (the jar's {@code Boot-Class-Path}, see
 * agent/pom.xml): such classes have no code source to tell where they came from, so the jar is found as the resource
 * that holds this class.
 */
final class AgentJar {
    private AgentJar() {
    }

    /** The agent jar on the boot class path this class was loaded from; null if it was not loaded from there. */
    static File onBootClassPath() {
        if (AgentJar.class.getClassLoader() != null) {
            return null;
        }
        try {
            URL url = ClassLoader.getSystemResource(AgentJar.class.getName().replace('.', '/') + ".class");
            String spec = url == null ? "" : url.toString();
            int bang = spec.indexOf("!/");
            if (!spec.startsWith("jar:") || bang < 0) {
                return null;
            }
            return new File(new URI(spec.substring("jar:".length(), bang))).getAbsoluteFile();
        } catch (Exception e) {
            return null;
        }
    }
}
