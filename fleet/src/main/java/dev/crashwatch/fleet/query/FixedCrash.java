package dev.crashwatch.fleet.query;

import java.util.Optional;

/**
 * A crash a release engineer marked fixed: its stack ID, the first version with the fix, and the program the mark
 * is for (every program when empty).
 */
public record FixedCrash(String stackId, String fixedIn, Optional<String> program) {
}
