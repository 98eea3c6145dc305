package org.creativecities.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How the fuzzer sets the query: nothing, a valid value of one of the operation's typed query parameters, an
 * invalid one (not a number, out of range, not a boolean, too long, not in the enumeration), an unknown
 * parameter, or a path id that is not a number.
 */
enum FuzzParameter {
    NONE, VALID, INVALID, UNKNOWN, BAD_PATH_ID;

    /**
     * The path with the query, what was done, and whether the request is invalid because of it.
     *
     * @param path        the path and query to send
     * @param description for the report
     * @param invalid     whether the server must refuse it
     */
    record Applied(String path, String description, boolean invalid) {
    }

    Applied apply(ApiDocument.Operation op, String path, int pick) {
        List<JsonNode> query = op.parameters().stream().filter(p -> p.path("in").asText().equals("query")).toList();
        if (this == UNKNOWN && !op.isPluginRoute()) {
            return new Applied(path + "?zzUnknown=1", "zzUnknown=1", true);
        }
        if (this == BAD_PATH_ID && path.matches(".*/\\d+(/.*)?") && !op.isPluginRoute()) {
            return new Applied(path.replaceFirst("/\\d+(/|$)", "/not-a-number$1"), "path id not-a-number", true);
        }
        if ((this != VALID && this != INVALID) || query.isEmpty()) {
            return new Applied(path, "none", false);
        }
        JsonNode parameter = query.get(pick % query.size());
        String name = parameter.path("name").asText();
        JsonNode schema = parameter.path("schema");
        String value = this == VALID ? valid(schema) : invalid(schema, pick);
        if (value == null) {
            return new Applied(path, "none", false);
        }
        return new Applied(path + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8),
                name + "=" + value, this == INVALID);
    }

    private static String valid(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        return switch (schema.path("type").asText()) {
            case "integer" -> schema.has("minimum") ? schema.get("minimum").asText() : "1";
            case "boolean" -> "true";
            default -> schema.has("pattern") ? null : "a";
        };
    }

    private static String invalid(JsonNode schema, int pick) {
        if (schema.has("enum")) {
            return "NOT_A_VALUE";
        }
        switch (schema.path("type").asText()) {
            case "integer":
                List<String> bad = new ArrayList<>(List.of("abc", "1.5", "99999999999999999999"));
                if (schema.has("minimum")) {
                    bad.add(schema.get("minimum").decimalValue().subtract(BigDecimal.ONE).toPlainString());
                }
                if (schema.has("maximum")) {
                    bad.add(schema.get("maximum").decimalValue().add(BigDecimal.ONE).toPlainString());
                }
                return bad.get(pick % bad.size());
            case "boolean":
                return List.of("maybe", "yes", "1", "0").get(pick % 4);
            default:
                return schema.has("maxLength") ? "x".repeat(schema.get("maxLength").asInt() + 1) : null;
        }
    }
}
