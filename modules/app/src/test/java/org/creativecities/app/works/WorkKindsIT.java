package org.creativecities.app.works;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.creativecities.app.plugins.PluginAdmin;
import org.creativecities.app.plugins.PluginJars;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Plugin work kinds (plugin API 1.3) on the packaged server, with the real PF4J jar of
 * {@code modules/test-plugins/work-kinds}: a recipe kind with a JSON Schema and a UI module. The core stores,
 * checks, versions, diffs (structurally), forks, searches and exports its works like any other; while its plugin is
 * stopped they stay readable and cannot change.
 */
@ExtendWith(SharedServer.class)
class WorkKindsIT {

    static JsonObject recipe(int servings, Object... ingredients) {
        var list = Json.createArrayBuilder();
        for (int i = 0; i < ingredients.length; i += 3) {
            list.add(Json.createObjectBuilder().add("name", (String) ingredients[i])
                    .add("quantity", ((Number) ingredients[i + 1]).doubleValue()).add("unit", (String) ingredients[i + 2]));
        }
        return Json.createObjectBuilder().add("servings", servings).add("ingredients", list)
                .add("steps", Json.createArrayBuilder().add("Mix everything.")).build();
    }

    /** Installs the recipes plugin under its own id (so tests stay independent) and returns that id. */
    static String install(PluginAdmin admin, String pluginId, byte[] jar) {
        admin.remove(pluginId);
        JsonObject installed = admin.install(PluginJars.variantOf(jar, Map.of("Plugin-Id", pluginId), Map.of()));
        assertEquals("STARTED", installed.getString("state"), installed.toString());
        return pluginId;
    }

    private static List<String> fields(Api.Response refused) {
        return refused.object().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
    }

    @Test
    void aPluginKindIsCheckedVersionedDiffedForkedSearchedAndExportedLikeAnyWork(PackagedServer server, Api api) {
        PluginAdmin admin = PluginAdmin.of(server);
        String plugin = install(admin, "it-recipes", PluginJars.built("work-kinds"));
        String kind = plugin + ":recipe";
        try {
            JsonObject listed = api.get("/api/works/kinds").expect(200).object().getJsonArray("kinds")
                    .getValuesAs(JsonObject.class).stream().filter(k -> k.getString("kind").equals(kind)).findFirst()
                    .orElseThrow(() -> new AssertionError(kind + " is not listed"));
            assertEquals("Recipe", listed.getString("name"));
            assertEquals(plugin, listed.getString("plugin"));
            assertEquals("ccc-test-recipe", listed.getString("element"));
            assertTrue(listed.getJsonObject("schema").getJsonArray("required").toString().contains("ingredients"));
            assertTrue(api.get(listed.getString("module")).expect(200).body().contains("ccc-test-recipe"));
            assertEquals("Recette", api.get("/api/works/kinds?lang=fr").expect(200).object().getJsonArray("kinds")
                    .getValuesAs(JsonObject.class).stream().filter(k -> k.getString("kind").equals(kind))
                    .findFirst().orElseThrow().getString("name"), "named from the plugin's French bundle");

            TestUser ana = WorksLifecycleIT.member(server, api, "Ana Recipe", "lyon");
            TestUser ben = WorksLifecycleIT.member(server, api, "Ben Recipe", "bristol");

            // The schema's reasons, each named by the pointer of what is wrong; nothing is created.
            Api.Response refused = ana.post("/api/works", Api.json("kind", kind, "title", "Bad soup", "content",
                    Json.createObjectBuilder().add("servings", 0).add("ingredients", Json.createArrayBuilder()
                            .add(Json.createObjectBuilder().add("name", "leek").add("quantity", "two")
                                    .add("unit", "handful"))).build())).expect(400);
            assertTrue(refused.header("Content-Type").orElse("").startsWith("application/problem+json"));
            List<String> wrong = fields(refused);
            assertTrue(wrong.containsAll(List.of("content/servings", "content/ingredients/0/quantity",
                    "content/ingredients/0/unit")), wrong.toString());
            assertFalse(refused.body().contains("dev.harrel"), refused.body());
            assertEquals(400, ana.post("/api/works", Api.json("kind", kind, "title", "Text soup", "content",
                    "just words")).status());
            assertEquals(400, ana.post("/api/works", Api.json("kind", plugin + ":cake", "title", "No such kind"))
                    .status());

            JsonObject created = ana.post("/api/works", Api.json("kind", kind, "title", "Leek soup of Lyon",
                    "content", recipe(4, "leek", 2, "piece", "zucchinoflour", 200, "g"), "licence", "CC-BY-SA-4.0"))
                    .expect(201).object();
            long id = created.getJsonNumber("id").longValue();
            assertEquals(kind, created.getString("kind"));
            assertEquals(4, created.getJsonObject("content").getInt("servings"));

            ana.patch("/api/works/" + id, Api.json("content", recipe(6, "leek", 2, "piece", "zucchinoflour", 200,
                    "g", "cream", 100, "ml"), "message", "More people, and cream")).expect(200);
            assertEquals(2, ana.get("/api/works/" + id + "/versions").expect(200).array().size());
            ana.patch("/api/works/" + id, Api.json("content", Json.createObjectBuilder().add("servings", 6).build()))
                    .expect(400);
            assertEquals(2, ana.get("/api/works/" + id + "/versions").expect(200).array().size());

            JsonObject diff = ana.get("/api/works/" + id + "/diff?from=1&to=2").expect(200).object();
            Map<String, JsonObject> changes = diff.getJsonArray("structured").getValuesAs(JsonObject.class).stream()
                    .collect(Collectors.toMap(c -> c.getString("path"), c -> c));
            assertEquals(2, changes.size(), changes.toString());
            assertEquals("replace", changes.get("/servings").getString("op"));
            assertEquals(4, changes.get("/servings").getInt("before"));
            assertEquals(6, changes.get("/servings").getInt("after"));
            assertEquals("add", changes.get("/ingredients/2").getString("op"));
            assertEquals("cream", changes.get("/ingredients/2").getJsonObject("after").getString("name"));
            assertFalse(diff.getJsonArray("changes").isEmpty(), "the line diff is there too: " + diff);

            awaitFound(ana, "zucchinoflour", id);
            String md = ana.get("/api/works/" + id + "/export?format=md").expect(200).body();
            assertTrue(md.contains("- **servings**: 6") && md.contains("**name**: cream"), md);

            ana.post("/api/works/" + id + "/publish", Api.json("audience", "everyone")).expect(200);
            JsonObject fork = ben.post("/api/works/" + id + "/fork", Api.json()).expect(201).object();
            assertEquals(kind, fork.getString("kind"));
            assertEquals(recipe(6, "leek", 2, "piece", "zucchinoflour", 200, "g", "cream", 100, "ml"),
                    fork.getJsonObject("content"));
            String page = api.get("/works/" + id + ".html").expect(200).body();
            assertTrue(page.contains("cream") && page.contains("CC-BY-SA-4.0"), page);

            // Stopped: readable, unchangeable, and no new works of the kind.
            admin.post("/api/admin/plugins/" + plugin + "/stop").expect(200);
            assertEquals(6, ana.get("/api/works/" + id).expect(200).object().getJsonObject("content")
                    .getInt("servings"));
            assertEquals(409, ana.patch("/api/works/" + id, Api.json("content", recipe(2, "leek", 1, "piece")))
                    .status());
            assertEquals(400, ana.post("/api/works", Api.json("kind", kind, "title", "Later soup", "content",
                    recipe(2, "leek", 1, "piece"))).status());
            assertTrue(api.get("/api/works/kinds").expect(200).object().getJsonArray("kinds")
                    .getValuesAs(JsonObject.class).stream().noneMatch(k -> k.getString("kind").equals(kind)));
            admin.post("/api/admin/plugins/" + plugin + "/start").expect(200);
            ana.patch("/api/works/" + id, Api.json("content", recipe(2, "leek", 1, "piece"))).expect(200);
        } finally {
            admin.remove(plugin);
        }
    }

    @Test
    void aPluginWhoseKindSchemaIsMissingOrInvalidFailsToStartAndSaysWhy(PackagedServer server) {
        PluginAdmin admin = PluginAdmin.of(server);
        for (String schema : List.of("{\"type\": \"object\", \"properties\": {\"servings\": {\"type\": \"a number\"}}}",
                "{\"type\": ")) {
            admin.remove("it-bad-recipes");
            JsonObject failed = admin.install(PluginJars.variantOf(PluginJars.built("work-kinds"),
                    Map.of("Plugin-Id", "it-bad-recipes"),
                    Map.of("schemas/recipe.json", schema.getBytes(StandardCharsets.UTF_8))));
            try {
                assertEquals("FAILED", failed.getString("state"), failed.toString());
                String error = failed.getString("lastError");
                assertTrue(error.contains("work kind 'recipe'") && error.contains("schemas/recipe.json"), error);
                assertFalse(error.contains("Exception") || error.contains("dev.harrel"), error);
            } finally {
                admin.remove("it-bad-recipes");
            }
        }
    }

    private static void awaitFound(TestUser who, String word, long workId) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonArray last = JsonValue.EMPTY_JSON_ARRAY;
        while (System.nanoTime() < deadline) {
            last = who.get("/api/search?kind=work&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)).expect(200)
                    .object().getJsonArray("items");
            if (last.getValuesAs(JsonObject.class).stream().anyMatch(h -> h.getString("id").equals(
                    String.valueOf(workId)))) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        fail("the search never found work " + workId + " by '" + word + "': " + last);
    }
}
