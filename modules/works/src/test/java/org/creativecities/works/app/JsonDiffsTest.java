package org.creativecities.works.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.creativecities.works.app.WorkDtos.JsonChange;
import org.junit.jupiter.api.Test;

class JsonDiffsTest {

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readValue();
        }
    }

    private static List<String> summary(String from, String to) {
        return JsonDiffs.diff(json(from), json(to)).stream()
                .map(c -> c.op() + " " + c.path() + " " + c.before() + " -> " + c.after()).toList();
    }

    @Test
    void equalContentHasNoChange() {
        assertTrue(JsonDiffs.diff(json("{'a': [1, {'b': 2}]}"), json("{'a': [1, {'b': 2}]}")).isEmpty());
    }

    @Test
    void membersAreComparedByKeyAndNamedByPointer() {
        assertEquals(List.of("replace /servings 4 -> 6", "remove /old \"x\" -> null", "add /new null -> true"),
                summary("{'servings': 4, 'old': 'x'}", "{'servings': 6, 'new': true}"));
    }

    @Test
    void anInsertedArrayElementIsOneAddNotACascadeOfReplacements() {
        assertEquals(List.of("add /steps/1 null -> \"chop\""),
                summary("{'steps': ['wash', 'cook', 'serve']}", "{'steps': ['wash', 'chop', 'cook', 'serve']}"));
        assertEquals(List.of("remove /steps/0 \"wash\" -> null"),
                summary("{'steps': ['wash', 'cook']}", "{'steps': ['cook']}"));
    }

    @Test
    void anElementChangedInPlaceIsComparedInside() {
        assertEquals(List.of("replace /ingredients/1/quantity 200 -> 250"), summary(
                "{'ingredients': [{'name': 'leek', 'quantity': 2}, {'name': 'flour', 'quantity': 200}]}",
                "{'ingredients': [{'name': 'leek', 'quantity': 2}, {'name': 'flour', 'quantity': 250}]}"));
    }

    @Test
    void aChangedTypeIsAReplacementAndKeysAreEscaped() {
        List<JsonChange> changes = JsonDiffs.diff(json("{'a/b~c': [1]}"), json("{'a/b~c': {'x': 1}}"));
        assertEquals(1, changes.size());
        assertEquals("/a~1b~0c", changes.get(0).path());
        assertEquals("replace", changes.get(0).op());
    }

    @Test
    void aHugeDiffIsCut() {
        var a = Json.createArrayBuilder();
        var b = Json.createArrayBuilder();
        for (int i = 0; i < 3000; i++) {
            a.add(i);
            b.add(-i - 1);
        }
        assertEquals(JsonDiffs.MAX_CHANGES, JsonDiffs.diff(a.build(), b.build()).size());
    }
}
