package org.creativecities.core.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    @Test
    void collectsEveryBadValueIntoOneProblem() {
        QueryParser p = new QueryParser();
        p.optionalInt("year", "abc", 2004, 2100);
        p.optionalOneOf("sort", "size", List.of("name", "-name"));
        p.page("0", "1000", 20, 100);
        ProblemException e = assertThrows(ProblemException.class, p::check);
        assertEquals(400, e.status());
        assertEquals(List.of("year", "sort", "page", "size"), e.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void acceptsGoodValuesAndDefaults() {
        QueryParser p = new QueryParser();
        assertEquals(2015, p.optionalInt("year", " 2015 ", 2004, 2100).orElseThrow());
        assertTrue(p.optionalMatching("country", null, Pattern.compile("[A-Z]{2}"), "x").isEmpty());
        PageRequest page = p.page(null, null, 20, 100);
        assertEquals(new PageRequest(1, 20), page);
        assertEquals(40, new PageRequest(3, 20).offset());
        p.check();
    }

    @Test
    void declaredQueryParametersIncludeBeanParams() throws Exception {
        class Resource {
            @SuppressWarnings("unused")
            public void list(@jakarta.ws.rs.QueryParam("q") String q, @jakarta.ws.rs.QueryParam("page") String page) {
            }
        }
        var method = Resource.class.getMethod("list", String.class, String.class);
        assertEquals(java.util.Set.of("q", "page"), StrictQueryParameters.declared(method));
    }
}
