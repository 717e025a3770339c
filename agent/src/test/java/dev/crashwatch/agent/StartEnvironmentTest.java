package dev.crashwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.crashwatch.agent.wire.ProcSelf;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartEnvironmentTest {
    private static StartEnvironment of(String entries) {
        return StartEnvironment.of(entries.replace('|', '\0').getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void finds_a_variable_by_its_whole_name_at_the_start_of_an_entry() {
        StartEnvironment env = of("JDK_JAVA_OPTIONS=-Xmx1g|HOME=/home/a|_JAVA_OPTIONS=-XX:ErrorFile=x=y|LAST=no-nul");
        assertEquals("-XX:ErrorFile=x=y", env.get("_JAVA_OPTIONS"));
        assertEquals("-Xmx1g", env.get("JDK_JAVA_OPTIONS"));
        assertEquals("no-nul", env.get("LAST"));
        assertNull(env.get("JAVA_OPTIONS"), "a suffix of another variable's name");
        assertNull(env.get("HOM"), "a prefix of another variable's name");
        assertNull(env.get("/home/a"));
    }

    @Test
    void an_empty_value_is_set_and_the_first_of_two_entries_counts_as_for_getenv() {
        StartEnvironment env = of("EMPTY=|TWICE=first|TWICE=second||NOEQUALS|");
        assertEquals("", env.get("EMPTY"));
        assertEquals("first", env.get("TWICE"));
        assertNull(env.get("NOEQUALS"));
        assertNull(of("").get("HOME"));
    }

    /** This JVM's own: every variable System.getenv knows has the same value here. */
    @Test
    void this_process_environment_agrees_with_getenv() {
        StartEnvironment env = StartEnvironment.ofThisProcess();
        Map<String, String> expected = System.getenv();
        for (Map.Entry<String, String> variable : expected.entrySet()) {
            assertEquals(variable.getValue(), env.get(variable.getKey()), variable.getKey());
        }
        assertNotNull(env.get("PATH"));
        assertNull(env.get("CRASHWATCH_NO_SUCH_VARIABLE"));
    }

    @Test
    void proc_files_are_read_whole() {
        assertEquals(System.getenv().size(), count(ProcSelf.read("environ")));
        assertEquals(JvmFlags.commandLine().size(), count(ProcSelf.read("cmdline")));
        assertNull(ProcSelf.read("no-such-file"));
    }

    private static int count(byte[] nulTerminated) {
        int n = 0;
        for (byte b : nulTerminated) {
            n += b == 0 ? 1 : 0;
        }
        return n;
    }
}
