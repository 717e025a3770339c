package dev.crashwatch.watchdog.pipe;

import dev.crashwatch.agent.wire.Wire;

/**
 * What a JVM's agent says in its bye record, as it exits in an orderly way: whether the application replaced the
 * agent's crash hook with a default handler of its own (its crashes are then invisible to crashwatch).
 */
public final class Bye {
    /** Counted once for each JVM that ended with its crash hook replaced: not a crash, a blind spot. */
    public static final String HANDLER_REPLACED_COUNTER = "crashwatch/handler-replaced";

    private final boolean handlerReplaced;

    private Bye(boolean handlerReplaced) {
        this.handlerReplaced = handlerReplaced;
    }

    /** Parses a bye payload; an empty or unreadable one says nothing. */
    public static Bye parse(byte[] payload) {
        return new Bye("true".equals(KeyValues.parse(payload).get(Wire.KEY_HANDLER_REPLACED)));
    }

    public boolean handlerReplaced() {
        return handlerReplaced;
    }
}
