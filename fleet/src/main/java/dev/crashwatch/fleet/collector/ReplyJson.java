package dev.crashwatch.fleet.collector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crashwatch.fleet.config.DroppedPart;
import java.time.LocalDate;
import java.util.List;

/** The collector's reply bodies ({@code docs/fleet.md}, "Replies"): one JSON object on one line. */
final class ReplyJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplyJson() {
    }

    /** {@code {"id":…,"stored":true,"duplicate":false,"received":"2026-12-03","dropped":[…]}}. */
    static String accepted(String id, boolean duplicate, LocalDate received, List<DroppedPart> dropped) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", id);
        root.put("stored", true);
        root.put("duplicate", duplicate);
        if (received != null) {
            root.put("received", received.toString());
        }
        ArrayNode parts = root.putArray("dropped");
        for (DroppedPart d : dropped) {
            ObjectNode p = parts.addObject();
            p.put("program", d.program());
            p.put("version", d.version());
            if (d.counter() != null) {
                p.put("counter", d.counter());
            }
            p.put("reason", d.reason());
        }
        return write(root);
    }

    /** {@code {"error":"one-line reason"}}. */
    static String error(String reason) {
        return write(JSON.createObjectNode().put("error", OneLine.of(reason)));
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }
}
