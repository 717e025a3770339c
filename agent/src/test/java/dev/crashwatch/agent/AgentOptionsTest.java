package dev.crashwatch.agent;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AgentOptionsTest {
    @Test
    void parses_every_documented_key() {
        AgentOptions o = AgentOptions.parse(
                "pipe=/s/run/a/crash.fifo,pipeKey=fe00:2146338,program=shop,version=1.2.3,watchdog=/opt/cw/crashwatch.jar,dir=/s,java=/j/bin/java,"
                + "exitFrom=org.example.Booter");
        assertEquals("/s/run/a/crash.fifo", o.pipe());
        assertEquals("fe00:2146338", o.pipeKey());
        assertEquals("shop", o.program());
        assertEquals("1.2.3", o.version());
        assertEquals("/opt/cw/crashwatch.jar", o.watchdog());
        assertEquals("/s", o.dir());
        assertEquals("/j/bin/java", o.java());
        assertEquals("org.example.Booter", o.exitFrom());
    }

    @Test
    void the_pipe_may_be_named_by_a_variable_which_keeps_store_paths_out_of_java_tool_options() {
        AgentOptions o = AgentOptions.parse("pipe=$CRASHWATCH_PIPE");
        assertEquals("$CRASHWATCH_PIPE", o.pipe(), "launcher mode, whatever the variable holds");
        StartEnvironment env = StartEnvironment.of("CRASHWATCH_PIPE=/s/run/1-ab/crash.pipe\0".getBytes(UTF_8));
        assertEquals("/s/run/1-ab/crash.pipe", o.pipePath(env));
        assertNull(o.pipePath(StartEnvironment.of("CRASHWATCH_PIPE= \0".getBytes(UTF_8))), "blank: no pipe");
        assertNull(o.pipePath(StartEnvironment.of(new byte[0])), "unset: no pipe");
        assertEquals("/s/p", AgentOptions.parse("pipe=/s/p").pipePath(env));
    }

    @Test
    void no_options_at_all() {
        for (String text : new String[] {null, "", ","}) {
            AgentOptions o = AgentOptions.parse(text);
            assertNull(o.pipe());
            assertNull(o.program());
            assertNull(o.dir());
        }
    }

    @Test
    void backslash_keeps_commas_and_backslashes_in_values_and_is_literal_elsewhere() {
        AgentOptions o = AgentOptions.parse("dir=/tmp/a\\,b\\\\c,program=x\\y");
        assertEquals("/tmp/a,b\\c", o.dir());
        assertEquals("x\\y", o.program());
    }

    @Test
    void value_may_hold_an_equals_sign_and_unknown_or_malformed_items_are_ignored() {
        AgentOptions o = AgentOptions.parse("future=1,=nokey,justaword,version=a=b,program=");
        assertEquals("a=b", o.version());
        assertNull(o.program());
    }

    @Test
    void last_setting_wins() {
        assertEquals("two", AgentOptions.parse("program=one,program=two").program());
    }
}
