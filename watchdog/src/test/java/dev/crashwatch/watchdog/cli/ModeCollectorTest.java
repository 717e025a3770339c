package dev.crashwatch.watchdog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.Mode;
import dev.crashwatch.watchdog.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crashwatch mode on --collector URL}: the consent day and the collector in the mode file (docs/upload.md). */
class ModeCollectorTest {
    @TempDir
    Path store;

    String modeFile() throws Exception {
        return Files.readString(store.resolve("mode"));
    }

    @Test
    void mode_on_keeps_the_collector_and_setting_it_again_keeps_the_consent_day() throws Exception {
        CliInStore cli = new CliInStore(store);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertEquals(0, cli.run("mode", "on", "--collector", "https://crashes.example.com/").status());
        assertEquals("on " + today + " https://crashes.example.com\n", modeFile());

        Files.writeString(store.resolve("mode"), "on 2026-11-01 https://crashes.example.com\n");
        CliInStore.Result again = cli.run("mode", "on");
        assertEquals(0, again.status());
        assertTrue(again.out().startsWith("upload:             to https://crashes.example.com (mode file)\n"
                + "next upload:        "), "consent says where and when: " + again.out());
        assertEquals("on 2026-11-01 https://crashes.example.com\n", modeFile(), "the grace period does not restart");
        assertEquals(0, cli.run("mode", "on", "--collector", "http://127.0.0.1:8420").status());
        assertEquals("on 2026-11-01 http://127.0.0.1:8420\n", modeFile());
        Store s = Store.at(store);
        assertEquals(Optional.of("http://127.0.0.1:8420"), s.storedModeSetting().collector());
        assertEquals(Optional.of(LocalDate.parse("2026-11-01")), s.storedModeSetting().asOf());

        assertEquals(0, cli.run("mode", "local").status());
        assertEquals("local " + today + " http://127.0.0.1:8420\n", modeFile(), "local stops uploads, keeps the URL");
        assertEquals(Mode.LOCAL, s.mode());
        assertEquals(0, cli.run("mode", "on").status());
        assertEquals("on " + today + " http://127.0.0.1:8420\n", modeFile(), "a new consent, a new day");
    }

    @Test
    void mode_on_without_a_collector_says_that_nothing_is_sent_until_one_is_set() throws Exception {
        CliInStore.Result on = new CliInStore(store).run("mode", "on");
        assertEquals(0, on.status());
        assertEquals("upload:             no collector set\n"
                + "next upload:        none: no collector set ('crashwatch mode on --collector URL')\n", on.out());
        assertEquals("", new CliInStore(store).run("mode", "local").out(), "nothing to say for local");
    }

    @Test
    void a_collector_url_that_could_leak_or_a_collector_without_on_is_refused() throws Exception {
        CliInStore cli = new CliInStore(store);
        CliInStore.Result plain = cli.run("mode", "on", "--collector", "http://crashes.example.com");
        assertEquals(2, plain.status());
        assertTrue(plain.err().contains("plain http:// only to a loopback address"), plain.err());
        assertEquals(2, cli.run("mode", "local", "--collector", "https://crashes.example.com").status());
        assertEquals(2, cli.run("mode", "--collector", "https://crashes.example.com").status());
        assertTrue(Files.notExists(store.resolve("mode")), "nothing written");
    }

    @Test
    void status_shows_the_upload_state_in_text_and_json() throws Exception {
        CliInStore cli = new CliInStore(store);
        CliInStore.Result local = cli.run("status");
        assertTrue(local.out().contains("upload:             no (mode local)\n"), local.out());
        assertTrue(local.out().contains("upload reports:     0 pending, 0 uploaded, 0 rejected, 0 skipped\n"), local.out());
        assertTrue(local.out().contains("last upload:        none\n"), local.out());
        assertTrue(local.out().contains("next upload:        none: mode is local, nothing is sent\n"), local.out());

        Files.writeString(store.resolve("mode"), "on 2026-11-01 http://127.0.0.1:8420\n");
        Path reports = Files.createDirectories(store.resolve("reports"));
        Files.writeString(reports.resolve("last-upload"), "2026-12-02T09:00:00Z done done\n");
        CliInStore.Result on = cli.run("status");
        assertEquals(0, on.status(), on.toString());
        assertTrue(on.out().contains("upload:             to http://127.0.0.1:8420 (mode file)\n"), on.out());
        assertTrue(on.out().contains("last upload:        2026-12-02T09:00:00Z, done\n"), on.out());
        assertTrue(on.out().contains("next upload:        20"), on.out());

        var json = cli.run("status", "--json").json().get("upload");
        assertEquals("on", json.get("mode").asText());
        assertEquals("http://127.0.0.1:8420", json.get("collector").asText());
        assertEquals("mode file", json.get("collectorSource").asText());
        assertEquals(0, json.get("reports").get("pending").asInt());
        assertEquals(4, json.get("reports").size());
        assertEquals("done", json.get("lastUpload").get("status").asText());
        assertEquals("2026-12-02T09:00:00Z", json.get("lastUpload").get("at").asText());
        assertTrue(json.get("nextUpload").get("day").asText().matches("\\d{4}-\\d{2}-\\d{2}"), json.toString());
        assertTrue(json.get("nextUpload").get("why").asText().startsWith("the week of "), json.toString());
    }
}
