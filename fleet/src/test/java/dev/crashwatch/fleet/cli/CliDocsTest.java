package dev.crashwatch.fleet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.cli.Command;
import dev.crashwatch.watchdog.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/cli.md is the CLI's own help: the command list from {@code crashwatch help} and each command's usage from
 * {@code crashwatch help <command>}, with a hand-written example per command. This test regenerates the file from
 * {@link Main} and fails when it differs; run it with {@code -Dcrashwatch.updateDocs=true} to rewrite it (the
 * examples are kept). It lives in the fleet module because {@code crashwatch help} lists the fleet's commands too
 * ({@link FleetMain} registers them), so only here does the CLI have all of its commands.
 */
class CliDocsTest {
    static final String HEADER = """
            # crashwatch command line

            Generated from the CLI's own help by `CliDocsTest` (it fails when this file and `crashwatch help` differ;
            `mvn -q -pl fleet -am test -Dtest=CliDocsTest -Dsurefire.failIfNoSpecifiedTests=false \
            -Dcrashwatch.updateDocs=true` rewrites it). The examples are written by hand and kept.

            Every command answers bad usage with a one-line error and exit status 2, and `--help` or `-h` anywhere
            before a `--` with its usage, as `crashwatch help COMMAND` does; after a fleet command, with that command's
            own (`crashwatch fleet top --help` is `crashwatch help fleet top`), and `crashwatch fleet --help` with the
            usage of them all (below).

            """;
    static final String EXAMPLE = "Example:\n";

    @BeforeAll
    static void registerTheFleetsCommands() {
        FleetMain.registerAll();
    }

    @Test
    void docs_cli_md_is_the_help_of_every_command_with_an_example() throws Exception {
        Path doc = Path.of(System.getProperty("crashwatch.repo", "..")).resolve("docs/cli.md");
        String current = Files.exists(doc) ? Files.readString(doc) : "";
        String generated = generate(examples(current));
        if (Boolean.getBoolean("crashwatch.updateDocs")) {
            Files.writeString(doc, generated);
            current = generated;
        }
        assertEquals(generated, current, "docs/cli.md is out of date: see " + getClass().getSimpleName());
        for (Command c : Main.commands()) {
            String section = examples(current).get(c.name());
            assertTrue(section != null && section.contains("crashwatch " + c.name()),
                    "docs/cli.md has no example of 'crashwatch " + c.name() + "'");
        }
    }

    static String generate(Map<String, String> examples) {
        StringBuilder doc = new StringBuilder(HEADER);
        doc.append("`crashwatch help`:\n\n```text\n").append(help()).append("```\n");
        for (Command c : Main.commands()) {
            doc.append("\n## ").append(c.name()).append("\n\n").append(c.summary())
                    .append(c.summary().endsWith(".") ? "\n\n" : ".\n\n");
            doc.append("```text\n").append(help(c.name())).append("```\n\n");
            doc.append(examples.getOrDefault(c.name(), EXAMPLE + "\n```sh\n$ crashwatch " + c.name() + "\n```\n"));
        }
        return doc.toString();
    }

    /** The hand-written part of each command's section: from "Example:" to the next section. */
    static Map<String, String> examples(String doc) {
        Map<String, String> examples = new HashMap<>();
        for (String section : doc.split("\n## ")) {
            int nl = section.indexOf('\n');
            int at = section.indexOf("\n" + EXAMPLE);
            if (nl > 0 && at > 0) {
                examples.put(section.substring(0, nl).trim(), section.substring(at + 1).stripTrailing() + "\n");
            }
        }
        return examples;
    }

    private static String help(String... command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = new String[command.length + 1];
        args[0] = "help";
        System.arraycopy(command, 0, args, 1, command.length);
        int status = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status, "crashwatch help " + String.join(" ", command));
        return out.toString(StandardCharsets.UTF_8);
    }
}
