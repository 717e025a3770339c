package dev.crashwatch.fleet.collector;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The collector's counters, written in the Prometheus text format at {@code GET /metrics}. */
final class CollectorMetrics {
    final LongAdder accepted = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder droppedParts = new LongAdder();
    final LongAdder throttled = new LongAdder();
    final LongAdder storageErrors = new LongAdder();
    private final Map<RejectReason, LongAdder> rejected = new EnumMap<>(RejectReason.class);

    CollectorMetrics() {
        for (RejectReason r : RejectReason.values()) {
            rejected.put(r, new LongAdder());
        }
    }

    void rejected(RejectReason reason) {
        rejected.get(reason).increment();
    }

    long rejected(String label) {
        return rejected.entrySet().stream().filter(e -> e.getKey().label.equals(label))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    String prometheusText() {
        StringBuilder out = new StringBuilder();
        counter(out, "accepted", "Reports stored now (durable before the reply).", accepted.sum());
        counter(out, "duplicates", "Reports sent again and already stored (stored once).", duplicates.sum());
        counter(out, "dropped_parts", "Entries and counters of accepted reports that the upload config left out.",
                droppedParts.sum());
        out.append("# HELP crashwatch_collector_rejected_total Requests refused with a 4xx, by reason.\n")
                .append("# TYPE crashwatch_collector_rejected_total counter\n");
        rejected.forEach((r, n) -> out.append("crashwatch_collector_rejected_total{reason=\"").append(r.label)
                .append("\"} ").append(n.sum()).append('\n'));
        counter(out, "throttled", "Requests refused with 429 (per-client or total rate).", throttled.sum());
        counter(out, "storage_errors", "Reports refused with 503 because the storage failed.", storageErrors.sum());
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        String full = "crashwatch_collector_" + name + "_total";
        out.append("# HELP ").append(full).append(' ').append(help).append('\n')
                .append("# TYPE ").append(full).append(" counter\n")
                .append(full).append(' ').append(value).append('\n');
    }
}
