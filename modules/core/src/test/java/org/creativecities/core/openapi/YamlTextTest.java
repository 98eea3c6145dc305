package org.creativecities.core.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class YamlTextTest {

    @Test
    void writesBlockYamlWithEveryStringQuoted() {
        JsonObject value = Json.createObjectBuilder()
                .add("openapi", "3.0.3")
                .add("tags", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "Film")
                        .add("x", Json.createArrayBuilder().add(1).add(true))))
                .add("empty", Json.createObjectBuilder())
                .add("none", Json.createArrayBuilder())
                .add("n", 1.5).addNull("nothing")
                .add("tricky: key", "line\nbreak \"quoted\" \\ \u2028 #no comment")
                .build();
        assertEquals("""
                "openapi": "3.0.3"
                "tags":
                  -
                    "name": "Film"
                    "x":
                      - 1
                      - true
                "empty": {}
                "none": []
                "n": 1.5
                "nothing": null
                "tricky: key": "line\\nbreak \\"quoted\\" \\\\ \\u2028 #no comment"
                """, YamlText.of(value));
    }

    @Test
    void quotesControlCharacters() {
        String q = YamlText.quoted("a\u0001b\u0085c\tü");
        assertEquals("\"a\\u0001b\\u0085c\\tü\"", q);
        assertTrue(YamlText.of(Json.createValue("x")).endsWith("\n"));
        assertFalse(YamlText.of(Json.createObjectBuilder().build()).isBlank());
    }
}
