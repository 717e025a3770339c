package dev.crashwatch.fleet.query;

/** How many machines (distinct reports) and how many crashes one value of a dimension had. */
public record Seen(String value, long machines, long count) {
}
