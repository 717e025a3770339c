package dev.crashwatch.watchdog.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Entry point of {@code crashwatch}: picks the command by its first argument. Commands are created lazily,
 * so {@code crashwatch run} loads nothing but what starting the child needs.
 */
public final class Main {
    private static final Map<String, Supplier<Command>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("run", RunCommand::new);
        COMMANDS.put("demo", DemoCommand::new);
        COMMANDS.put("counters", CountersCommand::new);
        COMMANDS.put("signature", SignatureCommand::new);
        COMMANDS.put("mode", ModeCommand::new);
        COMMANDS.put("status", StatusCommand::new);
        COMMANDS.put("top", TopCommand::new);
        COMMANDS.put("compare", CompareCommand::new);
        COMMANDS.put("csv", CsvCommand::new);
        COMMANDS.put("dump", DumpCommand::new);
        COMMANDS.put("export", ExportCommand::new);
        COMMANDS.put("import", ImportCommand::new);
        COMMANDS.put("clean", CleanCommand::new);
        COMMANDS.put("view", ViewCommand::new);
        COMMANDS.put("version", VersionCommand::new);
    }

    private Main() {
    }

    /**
     * Adds a command that lives in a module on top of this one (the fleet's: {@code dev.crashwatch.fleet.cli}).
     * Its entry point registers its commands, then calls {@link #execute}; a name already taken is kept.
     */
    public static void register(Supplier<Command> factory) {
        COMMANDS.putIfAbsent(factory.get().name(), factory);
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs one command line in-process; tests call this directly. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("crashwatch: missing command; 'crashwatch help' lists them");
            return 2;
        }
        String name = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
            return help(rest, out, err);
        }
        Supplier<Command> factory = COMMANDS.get(name);
        if (factory == null) {
            err.println("crashwatch: unknown command '" + name + "'; 'crashwatch help' lists them");
            return 2;
        }
        Command command = factory.get();
        if (asksForHelp(rest)) {
            out.println(HelpTopic.of(name, command, rest).command().usage());
            return 0;
        }
        try {
            StoreReaders.before(name, err);
            return command.run(rest, out, err);
        } catch (UsageException e) {
            String message = e.getMessage();
            String topic = HelpTopic.of(name, command, rest).words();
            err.println("crashwatch " + topic + ": " + message
                    + (message.contains("usage:") ? "" : " ('crashwatch help " + topic + "' shows its usage)"));
            return 2;
        } catch (Exception e) {
            err.println("crashwatch " + name + ": " + ErrorText.of(e));
            return 1;
        }
    }

    /**
     * Whether the arguments hold {@code --help} or {@code -h} before any {@code --} (after it they are the wrapped
     * command's: {@code crashwatch run -- java -h}).
     */
    static boolean asksForHelp(List<String> args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /** All commands, in help order. */
    public static List<Command> commands() {
        return COMMANDS.values().stream().map(Supplier::get).toList();
    }

    private static int help(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            out.println("usage: crashwatch <command> [arguments]");
            out.println();
            out.println("commands:");
            for (Command c : commands()) {
                out.printf("  %-10s %s%n", c.name(), c.summary());
            }
            out.println();
            out.println("'crashwatch help <command>' shows a command's usage.");
            return 0;
        }
        if (args.get(0).equals("help")) {
            return help(List.of(), out, err);
        }
        Supplier<Command> factory = COMMANDS.get(args.get(0));
        if (factory == null) {
            err.println("crashwatch help: unknown command '" + args.get(0) + "'; 'crashwatch help' lists them");
            return 2;
        }
        out.println(HelpTopic.of(args.get(0), factory.get(), args.subList(1, args.size())).command().usage());
        return 0;
    }
}
