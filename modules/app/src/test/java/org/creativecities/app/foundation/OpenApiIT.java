package org.creativecities.app.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the API is described in the OpenAPI document, with a summary and its responses; the works
 * API of issue 14 is there in full, the Atom feeds (served outside JAX-RS) included.
 */
@ExtendWith(SharedServer.class)
class OpenApiIT {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void everyOperationIsDocumented(Api api) {
        JsonObject paths = api.request("GET", "/openapi").header("Accept", "application/json").send().expect(200)
                .object().getJsonObject("paths");
        assertTrue(paths.containsKey("/api/cities") && paths.containsKey("/api/cities/{slug}")
                && paths.containsKey("/api/sessions") && paths.containsKey("/api/admin/plugins"), paths.keySet()
                .toString());
        List<String> undocumented = new ArrayList<>();
        int operations = 0;
        for (String path : paths.keySet()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.keySet()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                operations++;
                JsonObject operation = item.getJsonObject(method);
                String summary = operation.getString("summary", "");
                if (summary.isBlank() || !operation.containsKey("responses")
                        || operation.getJsonObject("responses").isEmpty()) {
                    undocumented.add(method.toUpperCase() + " " + path);
                }
            }
        }
        assertTrue(operations > 30, "the whole API is described: " + operations + " operations");
        assertTrue(undocumented.isEmpty(), "operations without a summary or responses: " + undocumented);
    }

    /** Issue 14's paths, each with its methods, as the document spells them. */
    private static final List<String> WORKS_OPERATIONS = List.of(
            "GET /api/works", "POST /api/works",
            "GET /api/works/{id}", "PATCH /api/works/{id}", "DELETE /api/works/{id}",
            "GET /api/works/{id}/versions", "GET /api/works/{id}/versions/{n}", "GET /api/works/{id}/diff",
            "POST /api/works/{id}/fork", "POST /api/works/{id}/authors", "POST /api/works/{id}/publish",
            "GET /api/works/{id}/export", "POST /api/media", "GET /api/media/{id}", "GET /api/search",
            "GET /feeds/cities/{slug}.atom", "GET /feeds/fields/{slug}.atom");

    @Test
    void theWorksApiAndItsFeedsAreDocumented(Api api) {
        JsonObject paths = api.request("GET", "/openapi").header("Accept", "application/json").send().expect(200)
                .object().getJsonObject("paths");
        List<String> missing = new ArrayList<>();
        for (String operation : WORKS_OPERATIONS) {
            String[] parts = operation.split(" ");
            JsonObject item = paths.getJsonObject(parts[1]);
            if (item == null || !item.containsKey(parts[0].toLowerCase())) {
                missing.add(operation);
            }
        }
        assertEquals(List.of(), missing, "issue 14's operations missing from /openapi");
        for (String feed : List.of("/feeds/cities/{slug}.atom", "/feeds/fields/{slug}.atom")) {
            JsonObject responses = paths.getJsonObject(feed).getJsonObject("get").getJsonObject("responses");
            assertTrue(responses.getJsonObject("200").getJsonObject("content").containsKey("application/atom+xml"),
                    feed + ": " + responses);
            for (String code : List.of("400", "404", "429")) {
                assertTrue(responses.containsKey(code) && responses.getJsonObject(code).getJsonObject("content")
                        .containsKey("application/problem+json"), feed + " answers " + code + ": " + responses);
            }
        }
    }
}
