package dev.crashwatch.watchdog.cli;

import java.util.List;

/**
 * What a command line asks help about: the command, or the sub-command its arguments pick ({@code fleet top}), with
 * the words that name it after {@code crashwatch help}. The one rule for {@code --help}, {@code crashwatch help ...}
 * and the hint after a usage error.
 */
record HelpTopic(String words, Command command) {
    static HelpTopic of(String name, Command command, List<String> args) {
        return command.subcommand(args).map(sub -> new HelpTopic(name + " " + sub.name(), sub))
                .orElse(new HelpTopic(name, command));
    }
}
