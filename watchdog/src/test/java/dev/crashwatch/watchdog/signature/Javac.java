package dev.crashwatch.watchdog.signature;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Test helper: compiles Java sources with the running JDK's javac, jars classes, runs a main in a child JVM. */
final class Javac {
    private Javac() {
    }

    /** Compiles {@code source} (a top-level class named {@code className}) into {@code dir}; returns {@code dir}. */
    static Path compile(Path dir, String className, String source) throws IOException {
        Path src = dir.resolve("src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-g", "-d", classes.toString(), src.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed for " + src);
        }
        return classes;
    }

    /** A jar of every file under {@code classes}. */
    static Path jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Runs {@code main} from {@code classPath} in a child JVM of the running JDK; returns what it wrote on stderr. */
    static String stderrOf(String classPath, String main) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, main));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            in.flush();
        }
        String err = new String(p.getErrorStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(main + " did not end");
        }
        return err;
    }
}
