package org.creativecities.plugin.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutesTest {

    private final Routes routes = Routes.builder()
            .get("/screenings", r -> HttpResponse.ok("list"))
            .get("/screenings/{id}", r -> HttpResponse.ok("one " + r.pathParam("id").orElseThrow()))
            .delete("/screenings/{id}", r -> HttpResponse.noContent())
            .post("/screenings/{id}/votes/{vote}", r -> HttpResponse.ok(r.pathParams()))
            .build();

    private static HttpRequest request(String method, String path) {
        return new HttpRequest(method, path, Map.of(), Map.of(), null, Optional.empty(), Optional.empty(), Map.of());
    }

    @Test
    void matchesLiteralAndTemplatedPaths() throws Exception {
        assertEquals("list", routes.handle(request("GET", "/screenings")).json().orElseThrow());
        assertEquals("list", routes.handle(request("GET", "/screenings/")).json().orElseThrow());
        assertEquals("one 7", routes.handle(request("GET", "/screenings/7")).json().orElseThrow());
        assertEquals(Map.of("id", "7", "vote", "up"),
                routes.handle(request("POST", "/screenings/7/votes/up")).json().orElseThrow());
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405WithAllow() throws Exception {
        HttpResponse missing = routes.handle(request("GET", "/films"));
        assertEquals(404, missing.status());
        assertTrue(missing.problemTitle().isPresent());
        HttpResponse wrong = routes.handle(request("PUT", "/screenings/7"));
        assertEquals(405, wrong.status());
        assertEquals("DELETE, GET", wrong.headers().get("Allow"));
    }

    @Test
    void templateMatchingIsSegmentWise() {
        assertEquals(Optional.empty(), Routes.match(List.of("a", "{x}"), List.of("a")));
        assertEquals(Optional.empty(), Routes.match(List.of("a", "b"), List.of("a", "c")));
        assertEquals(Optional.of(Map.of("x", "c")), Routes.match(List.of("a", "{x}"), List.of("a", "c")));
        assertEquals(List.of("a", "b"), Routes.segments("//a/b/"));
    }
}
