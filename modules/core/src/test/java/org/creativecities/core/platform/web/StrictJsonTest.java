package org.creativecities.core.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The strict reading of JSON bodies: the parser's limits and the binding's refusal to coerce. */
class StrictJsonTest {

    enum Colour { RED, GREEN }

    record Inner(Integer year) {
    }

    record Body(String name, Boolean flag, Integer count, Long id, BigDecimal lat, Colour colour, List<String> tags,
                List<Inner> inner, Map<String, Object> values, JsonObject attributes) {
    }

    private static Object read(String json, Type type) {
        JsonValue tree = new JsonTreeReader(32).read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        return JsonBinder.bind(tree, type);
    }

    private static ProblemException refused(String json) {
        return assertThrows(ProblemException.class, () -> read(json, Body.class), json);
    }

    private static String field(ProblemException e) {
        return e.errors().get(0).field();
    }

    @Test
    void aValidBodyIsBound() {
        Body b = (Body) read("{\"name\":\"x\",\"flag\":true,\"count\":3,\"id\":9007199254740993,\"lat\":45.5,"
                + "\"colour\":\"RED\",\"tags\":[\"a\"],\"inner\":[{\"year\":2020}],\"values\":{\"k\":[1,\"s\",null]},"
                + "\"attributes\":{\"a\":{\"b\":1}}}", Body.class);
        assertEquals("x", b.name());
        assertEquals(true, b.flag());
        assertEquals(9007199254740993L, b.id());
        assertEquals(Colour.RED, b.colour());
        assertEquals(2020, b.inner().get(0).year());
        assertEquals(List.of(new BigDecimal("1"), "s"), ((List<?>) b.values().get("k")).subList(0, 2));
        assertEquals(1, b.attributes().getJsonObject("a").getInt("b"));
        Body empty = (Body) read(" {} ", Body.class);
        assertEquals(null, empty.name());
    }

    @Test
    void nothingIsCoerced() {
        assertEquals("name", field(refused("{\"name\":false}")));
        assertEquals("flag", field(refused("{\"flag\":\"maybe\"}")));
        assertEquals("flag", field(refused("{\"flag\":0}")));
        assertEquals("count", field(refused("{\"count\":\"1\"}")));
        assertEquals("count", field(refused("{\"count\":1.5}")));
        assertEquals("count", field(refused("{\"count\":3000000000}")));
        assertEquals("colour", field(refused("{\"colour\":\"BLUE\"}")));
        assertEquals("tags[1]", field(refused("{\"tags\":[\"a\",2]}")));
        assertEquals("inner[0].year", field(refused("{\"inner\":[{\"year\":\"2020\"}]}")));
        assertEquals("attributes", field(refused("{\"attributes\":[]}")));
        assertEquals("values", field(refused("{\"values\":\"x\"}")));
    }

    @Test
    void aWholeNumberMayBeWrittenWithAnExponent() {
        assertEquals(2000, ((Body) read("{\"count\":2e3}", Body.class)).count());
        assertEquals(2, ((Body) read("{\"count\":2.0}", Body.class)).count());
    }

    @Test
    void theBodyMustBeAnObject() {
        for (String json : List.of("null", "[]", "\"x\"", "1", "true")) {
            assertEquals("body", field(refused(json)), json);
        }
    }

    @Test
    void unknownPropertiesAreNamed() {
        ProblemException e = refused("{\"name\":\"x\",\"isAdmin\":true}");
        assertEquals("/problems/unknown-property", e.type());
        assertEquals("isAdmin", field(e));
    }

    @Test
    void syntaxAndTrailingTextAreRefused() {
        for (String json : List.of("", "  ", "{", "{\"a\":", "{} x", "{}{}", "[] []", "{'a':1}", "{\"a\":1,}",
                "{\"a\":NaN}", "{\"a\":01}")) {
            ProblemException e = refused(json);
            assertEquals(400, e.status(), json);
            assertEquals("body", field(e), json);
        }
    }

    @Test
    void limitsApplyWhileParsing() {
        assertEquals("/problems/malformed-json", refused("[".repeat(2000) + "]".repeat(2000)).type());
        ProblemException deep = refused("{\"attributes\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(41));
        assertTrue(deep.getMessage().contains("32"), deep.getMessage());
        assertEquals("lat", field(refused("{\"lat\":1e999999}")));
        assertEquals("lat", field(refused("{\"lat\":1e-999999}")));
        assertEquals("lat", field(refused("{\"lat\":" + "9".repeat(100) + "}")));
        assertEquals("name", field(refused("{\"name\":\"a\",\"name\":\"b\"}")));
        assertEquals("name", field(refused("{\"name\":\"\\ud800\"}")));
        assertEquals("name", field(refused("{\"name\":\"a\\u0000b\"}")));
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] bad = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, '"', '}'};
        ProblemException e = assertThrows(ProblemException.class, () -> JsonBinder.bind(new JsonTreeReader(32)
                .read(new ByteArrayInputStream(bad), StandardCharsets.UTF_8), Body.class));
        assertEquals("body", field(e));
    }
}
