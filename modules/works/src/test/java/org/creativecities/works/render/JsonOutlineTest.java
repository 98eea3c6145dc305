package org.creativecities.works.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.creativecities.works.markdown.WorkRenderer;
import org.junit.jupiter.api.Test;

class JsonOutlineTest {

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readValue();
        }
    }

    @Test
    void anObjectIsANestedListWithReadableLabels() {
        assertEquals("""
                - **serving size**: 4
                - **ingredients**
                  - 1.
                    - **name**: leek
                    - **quantity**: 2
                """, JsonOutline.markdown(json("{'servingSize': 4, 'ingredients': [{'name': 'leek', 'quantity': 2}]}")));
    }

    @Test
    void contentCannotBecomeMarkupOrLinks() {
        String md = JsonOutline.markdown(json("{'name': '<script>alert(1)</script> [x](javascript:alert(1)) *b*'}"));
        String html = WorkRenderer.html(md);
        assertFalse(html.contains("<script") || html.contains("href") || html.contains("<em>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void plainTextHasTheWordsAndNumbersOnly() {
        assertEquals("leek\n2\nSimmer.\n", JsonOutline.plainText(json("{'i': [{'n': 'leek', 'q': 2}], 'ok': true, "
                + "'steps': ['Simmer.']}")));
    }
}
