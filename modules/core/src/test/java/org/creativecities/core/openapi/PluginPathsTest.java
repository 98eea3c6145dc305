package org.creativecities.core.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.plugin.PluginRouteCatalogue.PluginRoutes;
import org.creativecities.plugin.api.http.Routes;
import org.junit.jupiter.api.Test;

class PluginPathsTest {

    private static final String DOCUMENT = """
            {"openapi":"3.0.3","tags":[{"name":"Cities"}],"paths":{
             "/api/cities":{"get":{"operationId":"listCities","responses":{"200":{"description":"ok"}}}},
             "/api/plugins/{pluginId}/{route}":{"parameters":[{"name":"pluginId","in":"path"},{"name":"route","in":"path"}],
              "get":{"operationId":"pluginRouteGet","tags":["Plugin routes"],"responses":{"404":{"description":"no"}}},
              "post":{"operationId":"pluginRoutePost","requestBody":{"required":true},"responses":{"413":{}}}},
             "/api/plugins/{pluginId}/cities/{citySlug}/{route}":{"parameters":[{"name":"pluginId","in":"path"},
               {"name":"citySlug","in":"path","schema":{"type":"string"}},{"name":"route","in":"path"}],
              "get":{"operationId":"pluginRouteGetInCity","responses":{"404":{"description":"no"}}},
              "post":{"operationId":"pluginRoutePostInCity","requestBody":{"required":true},"responses":{}}}}}
            """;

    private static JsonObject document() {
        try (JsonReader r = Json.createReader(new StringReader(DOCUMENT))) {
            return r.readObject();
        }
    }

    private static Routes.Route route(String method, String template, String summary) {
        return new Routes.Route(method, template, Optional.ofNullable(summary), Optional.empty());
    }

    @Test
    void eachRouteBecomesANetworkAndACityPathUnderThePluginsName() {
        PluginRoutes film = new PluginRoutes("film", "Film", "Films together", List.of(
                route("GET", "/screenings/{id}", "One screening"), route("POST", "/screenings", null),
                route("HEAD", "/screenings", null)));
        JsonObject merged = PluginPaths.merge(document(), List.of(film));
        JsonObject paths = merged.getJsonObject("paths");
        JsonObject one = paths.getJsonObject("/api/plugins/film/cities/{citySlug}/screenings/{id}");
        assertEquals("One screening", one.getJsonObject("get").getString("summary"));
        assertEquals("Film", one.getJsonObject("get").getJsonArray("tags").getString(0));
        assertEquals("film", one.getJsonObject("get").getString(PluginPaths.PLUGIN));
        assertEquals("pluginFilmGetScreeningsIdInCity", one.getJsonObject("get").getString("operationId"));
        assertEquals(List.of("citySlug", "id"), one.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("name")).toList());
        assertTrue(one.getJsonObject("get").getJsonObject("responses").containsKey("404"), "the generic answers");
        JsonObject create = paths.getJsonObject("/api/plugins/film/screenings").getJsonObject("post");
        assertEquals("POST /screenings", create.getString("summary"));
        assertTrue(create.getJsonObject("requestBody").getBoolean("required"));
        assertFalse(paths.getJsonObject("/api/plugins/film/screenings").containsKey("head"), "undocumentable method");
        assertEquals(List.of("Cities", "Film"), merged.getJsonArray("tags").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("name")).toList());
        assertTrue(paths.containsKey("/api/plugins/{pluginId}/{route}"), "the generic rule stays");
    }

    @Test
    void clashingOperationIdsAreNumberedAndARootRouteHasNoTrailingSlash() {
        PluginRoutes route = new PluginRoutes("route", "Route", "", List.of(route("GET", "/", null),
                route("GET", "/a-b", null), route("GET", "/aB", null)));
        JsonObject paths = PluginPaths.merge(document(), List.of(route)).getJsonObject("paths");
        assertEquals("pluginRouteGet2", paths.getJsonObject("/api/plugins/route").getJsonObject("get")
                .getString("operationId"), "the generic operation keeps its id");
        assertEquals("pluginRouteGetAB2", paths.getJsonObject("/api/plugins/route/aB").getJsonObject("get")
                .getString("operationId"));
        assertTrue(paths.containsKey("/api/plugins/route/cities/{citySlug}"));
    }

    @Test
    void withoutPluginsRoutesOrGenericPathsTheDocumentIsUnchanged() {
        JsonObject doc = document();
        assertSame(doc, PluginPaths.merge(doc, List.of()));
        assertSame(doc, PluginPaths.merge(doc, List.of(new PluginRoutes("opaque", "Opaque", "", List.of()))));
        JsonObject bare = Json.createObjectBuilder().add("paths", Json.createObjectBuilder()).build();
        assertSame(bare, PluginPaths.merge(bare, List.of(new PluginRoutes("film", "Film", "",
                List.of(route("GET", "/x", null))))));
    }
}
