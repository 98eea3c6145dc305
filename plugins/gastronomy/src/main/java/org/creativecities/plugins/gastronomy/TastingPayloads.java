package org.creativecities.plugins.gastronomy;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the parts of a tasting action's payload, refusing what is not of the right shape with the action's code. */
final class TastingPayloads {

    private TastingPayloads() {
    }

    static String text(JsonObject p, String key) {
        JsonValue v = p.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new TastingRefused("bad-dish", "'" + key + "' must be text.");
    }

    static List<String> criteria(JsonValue value, List<String> otherwise) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (otherwise == null) {
                throw new TastingRefused("bad-criteria", "'criteria' is a list of 1 to " + Tasting.MAX_CRITERIA
                        + " names.");
            }
            return otherwise;
        }
        if (!(value instanceof JsonArray a)
                || !a.stream().allMatch(v -> v.getValueType() == JsonValue.ValueType.STRING)) {
            throw new TastingRefused("bad-criteria", "'criteria' is a list of 1 to " + Tasting.MAX_CRITERIA
                    + " names.");
        }
        return a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static Map<String, Integer> scores(JsonValue value) {
        if (!(value instanceof JsonObject o)) {
            throw new TastingRefused("bad-score", "'scores' maps each criterion to a score from 1 to "
                    + Tasting.SCALE + ".");
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            if (!(e.getValue() instanceof JsonNumber n) || !n.isIntegral()
                    || n.bigDecimalValue().abs().compareTo(java.math.BigDecimal.valueOf(1000)) > 0) {
                throw new TastingRefused("bad-score", "Scores are whole numbers from 1 to " + Tasting.SCALE + ".");
            }
            out.put(e.getKey(), n.intValue());
        }
        return out;
    }
}
