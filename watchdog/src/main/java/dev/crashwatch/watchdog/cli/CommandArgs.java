package dev.crashwatch.watchdog.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments split into flags ({@code --json}), options with a value ({@code --version V} or
 * {@code --version=V}) and positional arguments; anything unknown is a {@link UsageException}.
 */
public final class CommandArgs {
    private final Set<String> flagsSeen;
    private final Map<String, String> options;
    private final List<String> positional;

    private CommandArgs(Set<String> flagsSeen, Map<String, String> options, List<String> positional) {
        this.flagsSeen = flagsSeen;
        this.options = options;
        this.positional = positional;
    }

    /** Parses {@code args} knowing these flags and value options (names with their dashes). */
    public static CommandArgs parse(List<String> args, Set<String> flags, Set<String> valueOptions) throws UsageException {
        Set<String> seen = new java.util.HashSet<>();
        Map<String, String> options = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (a.equals("--")) {
                positional.addAll(args.subList(i + 1, args.size()));
                break;
            } else if (flags.contains(a)) {
                seen.add(a);
            } else if (valueOptions.contains(name)) {
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : next(args, ++i, name);
                if (options.put(name, value) != null) {
                    throw new UsageException(name + " given twice");
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                throw new UsageException("unknown option '" + a + "'");
            } else {
                positional.add(a);
            }
        }
        return new CommandArgs(seen, options, positional);
    }

    public boolean flag(String name) {
        return flagsSeen.contains(name);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** A required option's value. */
    public String required(String name) throws UsageException {
        return option(name).orElseThrow(() -> new UsageException("missing " + name));
    }

    /** An option holding a positive whole number. */
    public Optional<Integer> positiveInt(String name) throws UsageException {
        Optional<String> v = option(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n > 0) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " needs a positive whole number, not '" + v.get() + "'");
    }

    /** An option holding an ISO day, {@code YYYY-MM-DD}. */
    public Optional<LocalDate> date(String name) throws UsageException {
        Optional<String> v = option(name);
        try {
            return v.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw new UsageException(name + " needs a date YYYY-MM-DD, not '" + v.get() + "'");
        }
    }

    public List<String> positional() {
        return positional;
    }

    /** Fails unless there are no positional arguments. */
    public CommandArgs noPositional() throws UsageException {
        if (!positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + positional.get(0) + "'");
        }
        return this;
    }

    private static String next(List<String> args, int i, String name) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(name + " needs a value");
        }
        return args.get(i);
    }
}
