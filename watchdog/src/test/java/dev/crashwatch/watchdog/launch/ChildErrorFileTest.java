package dev.crashwatch.watchdog.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The child's {@code -XX:ErrorFile}, read from the command and environment it is started with. */
class ChildErrorFileTest {
    @Test
    void a_java_child_has_the_last_setting_in_the_jvms_order_as_given() {
        List<String> command = List.of("/usr/bin/java", "-javaagent:a.jar=pipe=p", "-XX:ErrorFile=logs/hs_%p.log",
                "-cp", "app.jar", "app.Main", "-XX:ErrorFile=argument.log");
        assertEquals("logs/hs_%p.log", ChildErrorFile.of(command, Map.of("JAVA_TOOL_OPTIONS", "-XX:ErrorFile=/tool.log")));
        assertEquals("/last.log", ChildErrorFile.of(command, Map.of("_JAVA_OPTIONS", "-XX:ErrorFile=/last.log")));
        assertEquals("/tool.log", ChildErrorFile.of(List.of("java", "-jar", "app.jar"),
                Map.of("JAVA_TOOL_OPTIONS", "-XX:ErrorFile=/tool.log")));
    }

    @Test
    void a_child_without_the_setting_or_that_is_not_java_has_none() {
        Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", "-XX:ErrorFile=/tool.log");
        assertEquals("", ChildErrorFile.of(List.of("java", "-cp", "app.jar", "app.Main"), Map.of()));
        assertEquals("", ChildErrorFile.of(List.of("./app.sh", "-XX:ErrorFile=/x.log"), env), "a script: no JVM command line");
        assertEquals("", ChildErrorFile.of(List.of("sh", "-c", "exec java -XX:ErrorFile=/x.log Main"), env));
        assertEquals("", ChildErrorFile.of(List.of(), env));
    }
}
