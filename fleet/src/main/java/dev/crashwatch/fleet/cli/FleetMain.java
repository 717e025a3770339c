package dev.crashwatch.fleet.cli;

import dev.crashwatch.watchdog.cli.Command;
import dev.crashwatch.watchdog.cli.Main;
import java.util.List;
import java.util.function.Supplier;

/**
 * Entry point of {@code crashwatch} for the fleet's commands (and {@code help}, which lists every command): adds
 * the fleet's commands to the local CLI's table, then runs the command line as {@link Main} does. The
 * {@code crashwatch} script starts this class only for those words, so the local commands never load the fleet's
 * libraries.
 */
public final class FleetMain {
    /** The fleet's commands, in help order. */
    static final List<Supplier<Command>> COMMANDS = List.of(UploadCommand::new, ReportsCommand::new,
            CollectorCommand::new, FleetCommand::new);

    private FleetMain() {
    }

    public static void main(String[] args) {
        registerAll();
        Main.main(args);
    }

    /** Makes the fleet's commands known to {@link Main}; tests call this before {@link Main#execute}. */
    public static void registerAll() {
        COMMANDS.forEach(Main::register);
    }
}
