package org.creativecities.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Plugin routes in {@code /openapi} (issue 15): each running plugin's routes appear as concrete paths under the
 * plugin's English name, with their path parameters and the summaries the plugin gave, in the JSON and in the YAML
 * answer; a plugin that stops or is uninstalled leaves the document at once, and one that starts or is installed
 * enters it. Each form carries an entity tag, and a GET that sends it back is answered 304.
 */
@ExtendWith(SharedServer.class)
class PluginOpenApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode json(Api api) throws IOException {
        Api.Response r = api.request("GET", "/openapi").header("Accept", "application/json").send().expect(200);
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/json"), r.toString());
        return JSON.readTree(r.body());
    }

    private static Set<String> pathsOf(JsonNode document, String pluginId) {
        Set<String> paths = new TreeSet<>();
        document.path("paths").fieldNames().forEachRemaining(p -> {
            if (p.startsWith("/api/plugins/" + pluginId + "/") || p.equals("/api/plugins/" + pluginId)) {
                paths.add(p);
            }
        });
        return paths;
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.path(field).asText()));
        return out;
    }

    @Test
    void filmsRoutesAreDocumentedUnderItsNameInJsonAndYaml(Api api) throws IOException {
        JsonNode document = json(api);
        JsonNode one = document.path("paths").path("/api/plugins/film/cities/{citySlug}/screenings/{id}");
        assertEquals(List.of("Film"), names(one.path("get").path("tags"), null));
        assertEquals(List.of("Film"), names(one.path("delete").path("tags"), null));
        assertEquals(List.of("citySlug", "id"), names(one.path("parameters"), "name"));
        assertEquals("GET /screenings/{id}", one.path("get").path("summary").asText());
        assertEquals("film", one.path("get").path("x-ccc-plugin").asText());
        assertEquals("application/problem+json", one.path("get").path("responses").path("404").path("content")
                .fieldNames().next());
        JsonNode watch = document.path("paths").path("/api/plugins/film/cities/{citySlug}/screenings/{id}/watch-party");
        assertTrue(watch.path("post").path("requestBody").path("required").asBoolean(), watch.toString());
        assertTrue(watch.path("post").path("responses").has("413"), watch.toString());
        assertTrue(document.path("paths").has("/api/plugins/film/screenings"), "the network-wide form too");
        assertTrue(names(document.path("tags"), "name").contains("Film"), document.path("tags").toString());
        assertTrue(document.path("paths").has("/api/plugins/{pluginId}/{route}"), "the generic rule stays");

        Api.Response yamlAnswer = api.request("GET", "/openapi").header("Accept", "text/plain").send().expect(200);
        assertTrue(yamlAnswer.header("Content-Type").orElse("").startsWith("text/plain"), yamlAnswer.toString());
        JsonNode yaml = YAML.readTree(yamlAnswer.body());
        assertEquals(document, yaml, "the YAML answer is the same document");
        assertEquals(document, YAML.readTree(api.request("GET", "/openapi?format=yaml").send().expect(200).body()));
        assertEquals(document, JSON.readTree(api.request("GET", "/openapi?format=JSON").send().expect(200).body()));
    }

    @Test
    void summariesAndDescriptionsThePluginGivesArePublished(PackagedServer server, Api api) throws IOException {
        PluginAdmin admin = PluginAdmin.of(server);
        if (admin.get("/api/admin/plugins/test-rooms").status() == 404) {
            admin.install(PluginJars.built("rooms"));
        }
        JsonNode visibility = json(api).path("paths")
                .path("/api/plugins/test-rooms/cities/{citySlug}/rooms/{id}/visibility").path("get");
        assertEquals("Whether the caller may read a room", visibility.path("summary").asText());
        assertTrue(visibility.path("description").asText().startsWith("Asks the core whether the room is members-only"),
                visibility.toString());
        assertEquals("pluginTestRoomsGetRoomsIdVisibilityInCity", visibility.path("operationId").asText());
    }

    @Test
    void aPluginStoppedOrUninstalledLeavesTheDocumentAndOneStartedOrInstalledEntersIt(PackagedServer server, Api api)
            throws IOException {
        PluginAdmin admin = PluginAdmin.of(server);
        String id = "openapi-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        assertEquals(Set.of(), pathsOf(json(api), id));
        admin.install(PluginJars.good(id));
        try {
            JsonNode installed = json(api);
            Set<String> paths = pathsOf(installed, id);
            assertTrue(paths.contains("/api/plugins/" + id + "/kv/{key}")
                    && paths.contains("/api/plugins/" + id + "/cities/{citySlug}/kv/{key}"), paths.toString());
            JsonNode kv = installed.path("paths").path("/api/plugins/" + id + "/kv/{key}");
            assertEquals(List.of("get", "put"), List.of(kv.has("get") ? "get" : "-", kv.has("put") ? "put" : "-"));
            String tag = installed.path("paths").path("/api/plugins/" + id + "/hello").path("get").path("tags").get(0)
                    .asText();
            assertTrue(names(installed.path("tags"), "name").contains(tag), tag);

            admin.post("/api/admin/plugins/" + id + "/stop").expect(200);
            assertEquals(Set.of(), pathsOf(json(api), id), "stopped");
            admin.post("/api/admin/plugins/" + id + "/start").expect(200);
            assertEquals(paths, pathsOf(json(api), id), "started again");
        } finally {
            admin.remove(id);
        }
        JsonNode removed = json(api);
        assertEquals(Set.of(), pathsOf(removed, id), "uninstalled");
        assertFalse(removed.toString().contains("\"" + id + "\""), "nothing of it is left");
    }

    @Test
    void theDocumentCarriesAnEntityTagPerFormAndARepeatedGetWithItIsNotModified(Api api) {
        Api.Response first = api.request("GET", "/openapi").header("Accept", "application/json").send().expect(200);
        String tag = first.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + first));
        Api.Response again = api.request("GET", "/openapi").header("Accept", "application/json")
                .header("If-None-Match", tag).send().expect(304);
        assertEquals("", again.body(), "a 304 has no body");
        Api.Response yaml = api.request("GET", "/openapi?format=yaml").send().expect(200);
        String yamlTag = yaml.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + yaml));
        assertFalse(yamlTag.equals(tag), "the YAML form has a tag of its own");
        api.request("GET", "/openapi?format=yaml").header("If-None-Match", tag).send()
                .expect(200);
        assertEquals(first.body(), api.request("GET", "/openapi").header("Accept", "application/json").send()
                .expect(200).body(), "the same document while the plugins are the same");
    }
}
