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

    @Test
    void listsItsRoutesWithTheirTextsInOrderForTheOpenApiDocument() throws Exception {
        Routes documented = Routes.builder()
                .get("screenings/", "List the screenings", r -> HttpResponse.ok("list"))
                .route("post", "/screenings/{id}/votes/{vote}", "Vote", "  One vote per person.  ",
                        r -> HttpResponse.noContent())
                .delete("/", r -> HttpResponse.noContent())
                .post("/x", " ", r -> HttpResponse.noContent())
                .build();
        assertEquals(List.of(
                new Routes.Route("GET", "/screenings", Optional.of("List the screenings"), Optional.empty()),
                new Routes.Route("POST", "/screenings/{id}/votes/{vote}", Optional.of("Vote"),
                        Optional.of("One vote per person.")),
                new Routes.Route("DELETE", "/", Optional.empty(), Optional.empty()),
                new Routes.Route("POST", "/x", Optional.empty(), Optional.empty())), documented.routes());
        assertEquals(List.of("id", "vote"), documented.routes().get(1).pathParameters());
        assertEquals("list", documented.handle(request("GET", "/screenings")).json().orElseThrow());
        assertEquals(204, documented.handle(request("POST", "/screenings/1/votes/up")).status());
        assertEquals(List.of("GET /screenings", "GET /screenings/{id}", "DELETE /screenings/{id}",
                "POST /screenings/{id}/votes/{vote}"), routes.routes().stream()
                .map(r -> r.method() + " " + r.template()).toList());
    }
}
