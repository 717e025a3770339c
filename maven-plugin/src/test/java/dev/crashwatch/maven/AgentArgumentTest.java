package dev.crashwatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentArgumentTest {
    @Test
    void options_follow_the_jar_and_empty_ones_are_left_out() {
        AgentArgument agent = new AgentArgument(Path.of("/repo/crashwatch-agent-0.1.0.jar"))
                .option("program", "app").option("version", "1.0").option("dir", null).option("exitFrom", " ");
        assertEquals("-javaagent:/repo/crashwatch-agent-0.1.0.jar=program=app,version=1.0", agent.toArgLineWord());
    }

    @Test
    void commas_and_backslashes_in_values_are_escaped_for_the_agent_and_white_space_is_quoted() {
        AgentArgument agent = new AgentArgument(Path.of("/my repo/agent.jar")).option("dir", "/a,b\\c");
        assertEquals("\"-javaagent:/my repo/agent.jar=dir=/a\\,b\\\\c\"", agent.toArgLineWord());
    }

    @Test
    void the_previous_argLine_is_kept_after_the_agent() {
        AgentArgument agent = new AgentArgument(Path.of("/a.jar"));
        assertEquals("-javaagent:/a.jar", agent.prependTo(null));
        assertEquals("-javaagent:/a.jar", agent.prependTo("  "));
        assertEquals("-javaagent:/a.jar -Xmx1g -Dx=y", agent.prependTo(" -Xmx1g -Dx=y "));
    }
}
