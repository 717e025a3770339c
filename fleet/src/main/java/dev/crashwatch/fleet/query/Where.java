package dev.crashwatch.fleet.query;

import dev.crashwatch.watchdog.signature.CounterNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A WHERE clause built from constant conditions, each value bound as a parameter in order. */
final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** A row of a crash counter that counted something (the local half's rule: names under {@code crash/}). */
    static final String CRASH_ROW = "(starts_with(counter, ?) AND count > 0)";

    /** The value {@link #CRASH_ROW} is bound to. */
    static final String CRASH_PREFIX = CounterNames.CRASH_PREFIX;

    static Where crashes() {
        return new Where().and(CRASH_ROW, CRASH_PREFIX);
    }

    static Where all() {
        return new Where();
    }

    Where and(String condition, Object... values) {
        conditions.add(condition);
        params.addAll(List.of(values));
        return this;
    }

    Where program(Optional<String> program) {
        return program.isPresent() ? and("program = ?", program.get()) : this;
    }

    Where version(Optional<String> version) {
        return version.isPresent() ? and("version = ?", version.get()) : this;
    }

    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The bound values, followed by {@code more}. */
    List<Object> params(Object... more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(List.of(more));
        return all;
    }
}
