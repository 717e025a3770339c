package dev.crashwatch.fleet.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes the upload config's JSON ({@code docs/upload.md}). Reading is strict: the format must be
 * {@value UploadConfig#FORMAT}, every field must be there with its type, and an unknown field is refused, so a
 * typo never silently widens or narrows what is uploaded.
 */
public final class UploadConfigJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> TOP = Set.of("format", "programs", "counterPrefixes", "stackDepth");
    private static final Set<String> PROGRAM = Set.of("name", "versions", "sampleRate");

    private UploadConfigJson() {
    }

    public static String write(UploadConfig config) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", UploadConfig.FORMAT);
        ArrayNode programs = root.putArray("programs");
        for (ProgramRule r : config.programs()) {
            ObjectNode p = programs.addObject();
            p.put("name", r.name().text());
            ArrayNode versions = p.putArray("versions");
            r.versions().forEach(v -> versions.add(v.text()));
            p.put("sampleRate", r.sampleRate());
        }
        ArrayNode prefixes = root.putArray("counterPrefixes");
        config.counterPrefixes().forEach(prefixes::add);
        root.put("stackDepth", config.stackDepth());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    public static UploadConfig read(byte[] bytes) throws UploadConfigException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UploadConfigException("not JSON");
        }
        if (root == null || !root.isObject() || !UploadConfig.FORMAT.equals(root.path("format").asText(null))) {
            throw new UploadConfigException("not an upload config (no \"format\": \"" + UploadConfig.FORMAT + "\")");
        }
        onlyFields(root, TOP, "config");
        List<ProgramRule> programs = new ArrayList<>();
        for (JsonNode p : array(root, "programs")) {
            programs.add(program(p));
        }
        List<String> prefixes = new ArrayList<>();
        for (JsonNode p : array(root, "counterPrefixes")) {
            if (!p.isTextual()) {
                throw new UploadConfigException("\"counterPrefixes\" holds something that is not a string");
            }
            prefixes.add(p.asText());
        }
        JsonNode depth = root.get("stackDepth");
        if (depth == null || !depth.isInt()) {
            throw new UploadConfigException("missing or non-integer \"stackDepth\"");
        }
        try {
            return new UploadConfig(programs, prefixes, depth.asInt());
        } catch (IllegalArgumentException e) {
            throw new UploadConfigException(e.getMessage());
        }
    }

    private static ProgramRule program(JsonNode p) throws UploadConfigException {
        if (!p.isObject()) {
            throw new UploadConfigException("a program is not an object");
        }
        onlyFields(p, PROGRAM, "program");
        JsonNode name = p.get("name");
        JsonNode rate = p.get("sampleRate");
        if (name == null || !name.isTextual()) {
            throw new UploadConfigException("a program has no \"name\"");
        }
        if (rate == null || !rate.isNumber()) {
            throw new UploadConfigException("program '" + name.asText() + "' has no numeric \"sampleRate\"");
        }
        try {
            List<NamePattern> versions = new ArrayList<>();
            for (JsonNode v : array(p, "versions")) {
                if (!v.isTextual()) {
                    throw new UploadConfigException("program '" + name.asText() + "' has a non-string version");
                }
                versions.add(new NamePattern(v.asText()));
            }
            return new ProgramRule(new NamePattern(name.asText()), versions, rate.asDouble());
        } catch (IllegalArgumentException e) {
            throw new UploadConfigException(e.getMessage());
        }
    }

    private static JsonNode array(JsonNode node, String field) throws UploadConfigException {
        JsonNode a = node.get(field);
        if (a == null || !a.isArray()) {
            throw new UploadConfigException("missing \"" + field + "\" array");
        }
        return a;
    }

    private static void onlyFields(JsonNode node, Set<String> allowed, String what) throws UploadConfigException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new UploadConfigException("unknown " + what + " field '"
                        + (f.length() > 40 ? f.substring(0, 40) + "..." : f) + "'");
            }
        }
    }
}
