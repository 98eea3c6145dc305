package org.creativecities.works.app;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.creativecities.works.app.WorkDtos.JsonChange;

/**
 * The structured diff of two JSON contents (collections and plugin kinds): what was added, removed or replaced, at
 * which JSON Pointer. Objects are compared key by key. Arrays are aligned with java-diff-utils (Myers) on whole
 * elements, so that inserting a step in a recipe is one {@code add}, not a cascade of replacements; an element
 * changed in place is compared recursively. The paths of removed elements name their place in the older version,
 * all others their place in the newer. It is a diff to read, not a JSON Patch to apply.
 */
final class JsonDiffs {

    /** The most changes listed; a diff beyond that is cut (the line diff still shows everything). */
    static final int MAX_CHANGES = 2000;

    private JsonDiffs() {
    }

    static List<JsonChange> diff(JsonValue from, JsonValue to) {
        List<JsonChange> out = new ArrayList<>();
        compare("", from, to, out);
        return out.size() > MAX_CHANGES ? List.copyOf(out.subList(0, MAX_CHANGES)) : List.copyOf(out);
    }

    private static void compare(String path, JsonValue a, JsonValue b, List<JsonChange> out) {
        if (out.size() > MAX_CHANGES || a.equals(b)) {
            return;
        }
        if (a instanceof JsonObject x && b instanceof JsonObject y) {
            x.forEach((key, value) -> {
                String at = path + "/" + escape(key);
                if (y.containsKey(key)) {
                    compare(at, value, y.get(key), out);
                } else {
                    out.add(new JsonChange("remove", at, value, null));
                }
            });
            y.forEach((key, value) -> {
                if (!x.containsKey(key)) {
                    out.add(new JsonChange("add", path + "/" + escape(key), null, value));
                }
            });
        } else if (a instanceof JsonArray x && b instanceof JsonArray y) {
            arrays(path, x, y, out);
        } else {
            out.add(new JsonChange("replace", path, a, b));
        }
    }

    private static void arrays(String path, JsonArray a, JsonArray b, List<JsonChange> out) {
        for (AbstractDelta<JsonValue> d : DiffUtils.diff(a, b).getDeltas()) {
            List<JsonValue> before = d.getSource().getLines();
            List<JsonValue> after = d.getTarget().getLines();
            int from = d.getSource().getPosition();
            int to = d.getTarget().getPosition();
            if (d.getType() == DeltaType.CHANGE && before.size() == after.size()) {
                for (int i = 0; i < before.size(); i++) {
                    compare(path + "/" + (to + i), before.get(i), after.get(i), out);
                }
                continue;
            }
            for (int i = 0; i < before.size(); i++) {
                out.add(new JsonChange("remove", path + "/" + (from + i), before.get(i), null));
            }
            for (int i = 0; i < after.size(); i++) {
                out.add(new JsonChange("add", path + "/" + (to + i), null, after.get(i)));
            }
        }
    }

    /** A key as a JSON Pointer reference token (RFC 6901). */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
