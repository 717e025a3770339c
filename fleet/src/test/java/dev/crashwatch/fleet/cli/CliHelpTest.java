package dev.crashwatch.fleet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.cli.CliInStore;
import dev.crashwatch.watchdog.cli.Command;
import dev.crashwatch.watchdog.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --help} and {@code -h} through the CLI's entry with every command registered (the fleet's too): after a
 * command they print its usage, after a fleet command that command's own, and {@code crashwatch help ...} says the
 * same; a usage error points at the help of the command that was misused.
 */
class CliHelpTest {
    @TempDir
    Path store;

    @BeforeAll
    static void register() {
        FleetMain.registerAll();
    }

    CliInStore.Result cli(String... args) {
        return new CliInStore(store).run(args);
    }

    /** The usage {@code args} print, checked to be a clean answer: status 0, nothing on stderr. */
    String help(String... args) {
        CliInStore.Result r = cli(args);
        assertEquals(0, r.status(), r.toString());
        assertEquals("", r.err(), String.join(" ", args));
        return r.out();
    }

    @Test
    void help_after_any_command_is_its_usage() throws Exception {
        for (Command c : Main.commands()) {
            String usage = help("help", c.name());
            assertTrue(usage.startsWith("usage: crashwatch " + c.name()), usage);
            assertEquals(usage, help(c.name(), "--help"));
            assertEquals(usage, help(c.name(), "-h"));
        }
        assertTrue(Files.notExists(store.resolve("counters")), "nothing ran");
    }

    @Test
    void help_after_a_fleet_command_is_that_commands_own_usage() {
        String fleet = help("help", "fleet");
        for (FleetSubcommand c : FleetCommand.SUBCOMMANDS) {
            String usage = help("help", "fleet", c.name());
            assertTrue(usage.startsWith("usage: crashwatch fleet " + c.name() + " --reports DIR"), usage);
            assertTrue(usage.contains("\n  " + c.summary() + "\n"), usage);
            assertTrue(usage.contains("--reports s3://BUCKET/PREFIX"), usage);
            assertTrue(usage.endsWith("\n  'crashwatch help fleet' describes fleet triage and lists every fleet"
                + " command.\n"), usage);
            assertTrue(usage.lines().count() < fleet.lines().count() / 2, "just the one command: " + usage);
            for (FleetSubcommand other : FleetCommand.SUBCOMMANDS) {
                assertEquals(other == c, usage.contains("crashwatch fleet " + other.name() + " "), usage);
            }
            assertEquals(usage, help("fleet", c.name(), "--help"));
            assertEquals(usage, help("fleet", c.name(), "-h"));
            assertEquals(usage, help("fleet", c.name(), "--reports", "/nowhere", "--json", "--help"));
        }
        assertTrue(help("fleet", "top", "--help").contains(
            "\n  --weeks N: the last N weeks, counting back from the newest week a report covers\n"), "its options");
    }

    @Test
    void help_for_the_fleet_itself_is_every_fleet_command() {
        String fleet = help("help", "fleet");
        assertTrue(fleet.startsWith("usage: crashwatch fleet <command> --reports DIR [options] [--json]\n"), fleet);
        for (FleetSubcommand c : FleetCommand.SUBCOMMANDS) {
            assertTrue(fleet.contains("\n  " + c.name() + ": " + c.summary() + "\n    crashwatch fleet " + c.name()),
                fleet);
        }
        for (List<String> args : List.of(List.of("fleet", "--help"), List.of("fleet", "-h"),
            List.of("fleet", "nosuch", "--help"), List.of("help", "fleet", "nosuch"))) {
            assertEquals(fleet, help(args.toArray(String[]::new)), String.join(" ", args));
        }
        assertFalse(help("help").contains("usage: crashwatch fleet"), "the command list stays a list");
    }

    @Test
    void a_usage_error_in_a_fleet_command_points_at_its_own_help() {
        CliInStore.Result r = cli("fleet", "top", "--reports", store.toString(), "--nosuch");
        assertEquals(2, r.status(), r.toString());
        assertEquals("crashwatch fleet top: unknown option '--nosuch' ('crashwatch help fleet top' shows its usage)\n",
            r.err());
        CliInStore.Result fleet = cli("fleet", "nosuch");
        assertEquals(2, fleet.status());
        assertTrue(fleet.err().startsWith("crashwatch fleet: unknown command 'nosuch' ("), fleet.err());
        assertTrue(fleet.err().endsWith(" ('crashwatch help fleet' shows its usage)\n"), fleet.err());
    }
}
