package dev.crashwatch.fleet.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload setting that cannot be used, as a user meets it through {@code crashwatch}: one line on stderr that names
 * the variable, its value and the form it takes (not a pointer at the command's usage, which has no word on the
 * variable), exit status 2, nothing made or sent; {@code crashwatch status} says the same.
 */
class UploadSettingsIT {
    @TempDir
    Path tmp;

    @Test
    void a_today_that_is_not_a_day_is_an_error_saying_what_is_wrong_with_the_variable() throws Exception {
        Machine m = new Machine(tmp.resolve("machine"));
        assertEquals(0, m.crashwatch("mode", "on", "--collector", UploaderTest.closedCollector()).status());
        m.env.put(UploadSettings.GRACE_DAYS_ENV, "0");
        Map<String, String> why = Map.of(
                "tomorrow", "'tomorrow', not a date",
                "2026-02-30", "'2026-02-30', a day no calendar has",
                "2026-12-3", "'2026-12-3', not a date");
        for (Map.Entry<String, String> bad : why.entrySet()) {
            m.env.put(UploadSettings.TODAY_ENV, bad.getKey());
            String problem = "CRASHWATCH_UPLOAD_TODAY is " + bad.getValue() + ": it takes the UTC day to use as today,"
                    + " YYYY-MM-DD (2026-12-03), or is unset for today";
            Machine.Result up = m.crashwatch("upload");
            assertEquals(2, up.status(), up.err());
            assertEquals("", up.out());
            assertEquals("crashwatch upload: " + problem + "; nothing was made or sent (docs/upload.md,"
                    + " \"Settings\")\n", up.err());
            assertTrue(m.crashwatch("status").out().contains("next upload:        none: " + problem
                    + " ('crashwatch upload' refuses it)\n"), bad.getKey());
        }
        assertTrue(Files.notExists(m.store.resolve("reports/last-upload")), "the upload did not run");

        m.env.put(UploadSettings.TODAY_ENV, "2026-12-03");
        m.env.put(UploadSettings.GRACE_DAYS_ENV, "8");
        Machine.Result grace = m.crashwatch("upload");
        assertEquals(2, grace.status());
        assertEquals("crashwatch upload: CRASHWATCH_UPLOAD_GRACE_DAYS needs a whole number from 0 to 7, not '8';"
                + " nothing was made or sent (docs/upload.md, \"Settings\")\n", grace.err(), "every setting alike");
    }
}
