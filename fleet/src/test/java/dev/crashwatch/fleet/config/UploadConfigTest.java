package dev.crashwatch.fleet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportEntry;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UploadConfigTest {
    static final String EXAMPLE = """
            {"format":"crashwatch-upload-config/v1",
             "programs":[{"name":"app","versions":["2.4.0-rc*","2.3.*"],"sampleRate":1.0},
                         {"name":"tool","versions":["*"],"sampleRate":0.25}],
             "counterPrefixes":["crash/","crashwatch/"],"stackDepth":3}
            """;

    static UploadConfig example() throws UploadConfigException {
        return UploadConfigJson.read(EXAMPLE.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reads_the_documented_example_and_writes_it_back_the_same() throws Exception {
        UploadConfig c = example();
        assertEquals(2, c.programs().size());
        assertEquals(3, c.stackDepth());
        assertEquals(c, UploadConfigJson.read(UploadConfigJson.write(c).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void versions_match_patterns_that_cover_prereleases() throws Exception {
        UploadConfig c = example();
        assertTrue(c.allowsVersion("app", "2.4.0-rc1"));
        assertTrue(c.allowsVersion("app", "2.4.0-rc12"));
        assertTrue(c.allowsVersion("app", "2.3.7"));
        assertFalse(c.allowsVersion("app", "2.4.0"));
        assertFalse(c.allowsVersion("app", "12.3.1"));
        assertFalse(c.allowsVersion("other", "2.3.1"));
        assertTrue(c.allowsVersion("tool", "anything"));
        assertFalse(c.allowsProgram("apps"));
        assertEquals(0.25, c.sampleRate("tool"));
        assertEquals(0.0, c.sampleRate("other"));
    }

    @Test
    void star_matches_any_run_and_nothing_else_is_special() {
        assertTrue(new NamePattern("a*b*c").matches("abc"));
        assertTrue(new NamePattern("a*b*c").matches("a-b-b-c"));
        assertFalse(new NamePattern("a*b*c").matches("acb"));
        assertFalse(new NamePattern("ab*ab").matches("aba"));
        assertFalse(new NamePattern("2.3.1").matches("2x3x1"));
        assertThrows(IllegalArgumentException.class, () -> new NamePattern("a b"));
        assertThrows(IllegalArgumentException.class, () -> new NamePattern("[a-z]"));
    }

    @Test
    void counters_are_allowed_by_the_prefix_of_their_first_line() throws Exception {
        UploadConfig c = example();
        assertTrue(c.allowsCounter("crash/crash\njava.lang.Error\na.B.c:+1"));
        assertTrue(c.allowsCounter("crash/signal/SIGKILL"));
        assertFalse(c.allowsCounter("other/crash\ncrash/crash"));
    }

    @Test
    void stacks_are_cut_to_the_depth_and_the_cut_is_marked() throws Exception {
        UploadConfig c = example();
        String deep = "crash/crash\njava.lang.Error\na.A.a:+0\n...\nb.B.b:+1\nc.C.c:+2\nd.D.d:+3";
        assertEquals("crash/crash\njava.lang.Error\na.A.a:+0\n...\nb.B.b:+1\nc.C.c:+2\n...", c.truncate(deep));
        String shallow = "crash/crash\njava.lang.Error\na.A.a:+0\nb.B.b:+1";
        assertEquals(shallow, c.truncate(shallow));
        assertEquals("crash/oom-exit", c.truncate("crash/oom-exit"));
    }

    @Test
    void sampling_is_decided_by_the_report_id_alone() throws Exception {
        UploadConfig c = example();
        Random random = new Random(7);
        int in = 0;
        for (int i = 0; i < 4000; i++) {
            String id = String.format("%016x%016x", random.nextLong(), random.nextLong());
            boolean sampled = c.sampled("tool", id);
            assertEquals(sampled, c.sampled("tool", id));
            assertTrue(c.sampled("app", id));
            assertFalse(c.sampled("other", id));
            in += sampled ? 1 : 0;
        }
        assertTrue(in > 850 && in < 1150, "about a quarter sampled: " + in);
    }

    @Test
    void strict_reading_refuses_unknown_fields_wrong_types_and_bad_values() {
        for (String bad : List.of("{}", "[]", "not json",
                EXAMPLE.replace("\"stackDepth\":3", "\"stackDepth\":3,\"extra\":1"),
                EXAMPLE.replace("\"sampleRate\":1.0}", "\"sampleRate\":1.0,\"rate\":1}"),
                EXAMPLE.replace("\"stackDepth\":3", "\"stackDepth\":\"3\""),
                EXAMPLE.replace("\"stackDepth\":3", "\"stackDepth\":0"),
                EXAMPLE.replace("\"stackDepth\":3", "\"stackDepth\":17"),
                EXAMPLE.replace("\"sampleRate\":0.25", "\"sampleRate\":1.5"),
                EXAMPLE.replace("[\"2.4.0-rc*\",\"2.3.*\"]", "[]"),
                EXAMPLE.replace("\"crashwatch/\"", "\"\""),
                EXAMPLE.replace("/v1", "/v2"))) {
            assertThrows(UploadConfigException.class,
                    () -> UploadConfigJson.read(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }

    @Test
    void the_filter_keeps_what_is_allowed_and_names_what_it_dropped() throws Exception {
        UploadConfig c = example();
        Report report = new Report("0123456789abcdef0123456789abcdef", LocalDate.of(2026, 11, 16), List.of(
                new ReportEntry("app", "2.4.0-rc1", "17", "linux", "amd64", Map.of(
                        "crash/crash\njava.lang.Error\na.A.a:+0\nb.B.b:+0\nc.C.c:+0\nd.D.d:+0", 2L,
                        "crash/crash\njava.lang.Error\na.A.a:+0\nb.B.b:+0\nc.C.c:+0\ne.E.e:+0", 3L,
                        "crash/oom-exit", 1L)),
                new ReportEntry("app", "1.0", "17", "linux", "amd64", Map.of("crash/oom-exit", 1L)),
                new ReportEntry("secret", "1.0", "17", "linux", "amd64", Map.of("crash/oom-exit", 1L))));
        FilteredReport f = ReportFilter.apply(c, report);
        assertEquals(1, f.kept().entries().size());
        assertEquals(Map.of("crash/crash\njava.lang.Error\na.A.a:+0\nb.B.b:+0\nc.C.c:+0\n...", 5L,
                "crash/oom-exit", 1L), f.kept().entries().get(0).counters());
        assertEquals(report.id(), f.kept().id());
        assertEquals(4, f.dropped().size());
        assertTrue(f.dropped().contains(new DroppedPart("app", "1.0", null, DroppedPart.VERSION)));
        assertTrue(f.dropped().contains(new DroppedPart("secret", "1.0", null, DroppedPart.PROGRAM)));
    }

    @Test
    void the_default_config_allows_every_program_and_crash_counter() {
        UploadConfig all = UploadConfig.allowAll();
        assertTrue(all.allowsVersion("anything", "9.9.9-SNAPSHOT"));
        assertTrue(all.allowsCounter("crash/fatal\nSIGSEGV\nlibc.so.6!abort"));
        assertEquals(16, all.stackDepth());
    }
}
