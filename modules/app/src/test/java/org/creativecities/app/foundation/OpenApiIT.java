package org.creativecities.app.foundation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every operation of the API is described in the OpenAPI document, with a summary and its responses. */
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
}
