package dev.crashwatch.fleet.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What DuckDB is handed for raw reports: one line per checked report, and never a file that no longer checks. */
class ReportLinesTest {
    @TempDir
    Path root;

    @Test
    void each_report_is_one_line_with_its_received_day_first() throws Exception {
        FleetLayout layout = TestFleet.write(root);
        FleetInput input = FleetInput.scan(layout);
        Path lines = root.resolve("lines.ndjson");
        ReportLines.write(input.json(), lines);
        List<String> written = Files.readAllLines(lines);
        assertEquals(input.json().size(), written.size());
        assertTrue(written.get(0).startsWith("{\"received\":\"" + TestFleet.W1.plusDays(7) + "\","), written.get(0));
    }

    @Test
    void a_file_changed_after_it_was_counted_fails_the_read_instead_of_reaching_duckdb() throws Exception {
        FleetLayout layout = TestFleet.write(root);
        FleetInput input = FleetInput.scan(layout);
        Files.writeString(input.json().get(0), "{\"format\":\"crashwatch-report/v1\",\"id\":\"x\"}");
        IOException e = assertThrows(IOException.class, () -> ReportLines.write(input.json(), root.resolve("lines.ndjson")));
        assertTrue(e.getMessage().contains("changed since it was counted"), e.getMessage());
    }
}
