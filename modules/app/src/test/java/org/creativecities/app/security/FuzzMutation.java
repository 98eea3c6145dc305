package org.creativecities.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How the fuzzer changes a valid JSON body. Every kind but {@link #VALID} makes the body invalid by the
 * operation's own schema (or not JSON at all), so the server must refuse it with a 4xx.
 */
enum FuzzMutation {
    VALID, NULL, NOT_AN_OBJECT, TRAILING_TEXT, TRUNCATED, TOO_DEEP, UNKNOWN_PROPERTY, MISSING_REQUIRED,
    WRONG_PROPERTY_TYPE, TOO_LONG, OUT_OF_RANGE, NOT_IN_ENUM, HUGE_NUMBER, GARBAGE;

    /** The body, or {@code null} when this kind has nothing to change in this schema (the case is skipped). */
    String apply(ObjectNode valid, JsonNode schema, int pick, String garbage) {
        JsonNode properties = schema.path("properties");
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        switch (this) {
            case VALID:
                return valid.toString();
            case NULL:
                return "null";
            case NOT_AN_OBJECT:
                return List.of("[]", "42", "\"text\"", "true", "[{}]").get(pick % 5);
            case TRAILING_TEXT:
                return valid + List.of(" garbage", "{}", " 1", "]", ",{}").get(pick % 5);
            case TRUNCATED:
                String text = valid.toString();
                return text.substring(0, Math.max(1, text.length() - 1 - pick % Math.max(1, text.length() - 1)));
            case TOO_DEEP:
                int depth = 1500 + pick;
                return "{\"" + (names.isEmpty() ? "x" : names.get(pick % names.size())) + "\":"
                        + "[".repeat(depth) + "]".repeat(depth) + "}";
            case UNKNOWN_PROPERTY:
                return valid.deepCopy().put("zzUnknown" + pick, 1).toString();
            case MISSING_REQUIRED: {
                JsonNode required = schema.path("required");
                if (required.isEmpty()) {
                    return null;
                }
                ObjectNode copy = valid.deepCopy();
                copy.remove(required.get(pick % required.size()).asText());
                return copy.toString();
            }
            case WRONG_PROPERTY_TYPE: {
                if (names.isEmpty()) {
                    return null;
                }
                String name = names.get(pick % names.size());
                String type = properties.path(name).path("type").asText(properties.path(name).has("$ref")
                        ? "object" : "");
                Object wrong = Map.<String, Object>of("string", 7, "integer", "seven", "number", "1.5x",
                        "boolean", "maybe", "array", Map.of("a", 1), "object", "text").get(type);
                if (wrong == null) {
                    return null;
                }
                ObjectNode copy = valid.deepCopy();
                copy.set(name, ApiDocument.JSON.valueToTree(wrong));
                return copy.toString();
            }
            case TOO_LONG:
                return withProperty(valid, properties, names, pick, p -> p.has("maxLength"),
                        p -> ApiDocument.JSON.valueToTree("x".repeat(p.get("maxLength").asInt() + 1)));
            case OUT_OF_RANGE:
                return withProperty(valid, properties, names, pick, p -> p.has("maximum") || p.has("minimum"),
                        p -> p.has("maximum")
                                ? ApiDocument.JSON.valueToTree(p.get("maximum").decimalValue().add(BigDecimal.ONE))
                                : ApiDocument.JSON.valueToTree(p.get("minimum").decimalValue()
                                        .subtract(BigDecimal.ONE)));
            case NOT_IN_ENUM:
                return withProperty(valid, properties, names, pick, p -> p.has("enum"),
                        p -> ApiDocument.JSON.valueToTree("NOT_A_VALUE"));
            case HUGE_NUMBER:
                return withProperty(valid, properties, names, pick,
                        p -> p.path("type").asText().equals("integer") || p.path("type").asText().equals("number"),
                        p -> null);
            default:
                return garbage;
        }
    }

    private static String withProperty(ObjectNode valid, JsonNode properties, List<String> names, int pick,
                                       Predicate<JsonNode> applies,
                                       Function<JsonNode, JsonNode> value) {
        List<String> candidates = names.stream().filter(n -> applies.test(properties.path(n))).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        String name = candidates.get(pick % candidates.size());
        JsonNode v = value.apply(properties.path(name));
        if (v == null) {
            ObjectNode copy = valid.deepCopy();
            copy.put(name, 0);
            return copy.toString().replace("\"" + name + "\":0", "\"" + name + "\":1" + "9".repeat(400));
        }
        ObjectNode copy = valid.deepCopy();
        copy.set(name, v);
        return copy.toString();
    }
}
