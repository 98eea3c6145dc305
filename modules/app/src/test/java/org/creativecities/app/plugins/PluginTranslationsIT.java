package org.creativecities.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Plugins' message bundles on the running packaged server: the film plugin (a 1.2 plugin that ships English and
 * French bundles) and the translated test plugin (API 1.3) name themselves, their settings and their room kinds in
 * the requested language, falling back to English and then to what the plugin declared; bad bundles refuse the
 * jar, and a 1.3 plugin without its English labels does not start while a 1.2 plugin still does.
 */
@ExtendWith(SharedServer.class)
class PluginTranslationsIT {

    private static final List<String> INSTALLED = new CopyOnWriteArrayList<>();
    private static final String EN = "i18n/messages_en.properties";
    private static final String FR = "i18n/messages_fr.properties";

    @AfterAll
    static void removeEverythingInstalled(PackagedServer server) {
        PluginAdmin admin = PluginAdmin.of(server);
        INSTALLED.forEach(admin::remove);
    }

    private static String uniqueId(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    private static byte[] translated(String id, Map<String, byte[]> entries) {
        return PluginJars.variant("translated", Map.of("Plugin-Id", id), entries);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, JsonObject> byKey(JsonObject view, String array, String key) {
        return view.getJsonArray(array).getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(o -> o.getString(key), Function.identity()));
    }

    @Test
    void filmIsNamedInFrenchOrEnglishWhereverItIsShown(PackagedServer server, Api anonymous) {
        PluginAdmin admin = PluginAdmin.of(server);
        JsonObject fr = admin.get("/api/admin/plugins/film?lang=fr").expect(200).object().getJsonObject("module");
        assertEquals("Cinéma", fr.getString("name"));
        assertEquals("Séance partagée", fr.getJsonArray("roomKinds").getJsonObject(0).getString("name"));
        assertEquals(List.of("en", "fr"), fr.getJsonArray("languages").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        Map<String, JsonObject> frSchema = byKey(fr, "settings", "key");
        assertEquals("Décalage maximal d’un lecteur (ms)", frSchema.get("max-drift-ms").getString("label"));
        assertEquals("ADMIN", frSchema.get("max-drift-ms").getString("changeableBy"));

        JsonObject en = admin.get("/api/admin/plugins/film").expect(200).object().getJsonObject("module");
        assertEquals("Film", en.getString("name"));
        assertEquals("Largest drift of a player (ms)", byKey(en, "settings", "key").get("max-drift-ms")
                .getString("label"));
        assertEquals("Film", admin.get("/api/admin/plugins/film?lang=de").expect(200).object()
                .getJsonObject("module").getString("name"), "a language film has no bundle for falls back to English");
        assertEquals("Cinéma", admin.api().request("GET", "/api/admin/plugins").header("Accept-Language",
                "de-DE, fr-CA;q=0.8, en;q=0.5").send().expect(200).object().getJsonArray("plugins")
                .getValuesAs(JsonObject.class).stream().filter(p -> p.getString("id").equals("film")).findFirst()
                .orElseThrow().getJsonObject("module").getString("name"));

        Map<String, JsonObject> settings = byKey(admin.get("/api/admin/plugins/film/settings?lang=fr").expect(200)
                .object(), "settings", "key");
        assertEquals("Les membres peuvent proposer des films", settings.get("members-may-suggest").getString("label"));
        assertTrue(settings.get("members-may-suggest").getString("help").startsWith("Si les membres"));

        JsonObject module = anonymous.get("/api/cities/lyon/modules?lang=fr").expect(200).array()
                .getValuesAs(JsonObject.class).stream().filter(m -> m.getString("id").equals("film")).findFirst()
                .orElseThrow(() -> new AssertionError("film is enabled network-wide"));
        assertEquals("Cinéma", module.getString("name"));
        assertEquals("Séance partagée", module.getJsonArray("kinds").getJsonObject(0).getString("name"));
        assertEquals("watch-party", module.getJsonArray("roomKinds").getString(0));

        JsonObject texts = anonymous.get("/api/modules/texts?lang=fr").expect(200).object();
        assertEquals("Séance partagée", texts.getJsonObject("roomKinds").getJsonObject("watch-party")
                .getString("name"));
        assertEquals("Cinéma", texts.getJsonObject("modules").getJsonObject("film").getString("name"));
        assertEquals("Watch party", anonymous.get("/api/modules/texts?lang=en").expect(200).object()
                .getJsonObject("roomKinds").getJsonObject("watch-party").getString("name"));

        Api.Response bad = anonymous.get("/api/modules/texts?lang=..%2Fetc").expect(400);
        assertTrue(bad.header("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(bad.body().contains("lang"), bad.body());
    }

    @Test
    void aTranslatedPluginFallsBackFromFrenchToEnglishToWhatItDeclared(PackagedServer server) {
        PluginAdmin admin = PluginAdmin.of(server);
        String id = uniqueId("it-translated");
        JsonObject installed = admin.install(translated(id, Map.of()));
        INSTALLED.add(id);
        assertEquals("STARTED", installed.getString("state"), installed.toString());

        JsonObject fr = admin.get("/api/admin/plugins/" + id + "?lang=fr").expect(200).object().getJsonObject("module");
        assertEquals("Dégustation de test", fr.getString("name"));
        assertEquals("Table de dégustation", fr.getJsonArray("roomKinds").getJsonObject(0).getString("name"));
        assertEquals("Rate dishes together.", fr.getJsonArray("roomKinds").getJsonObject(0).getString("description"),
                "French has no description of the kind: English");
        Map<String, JsonObject> settings = byKey(admin.get("/api/admin/plugins/" + id + "/settings?lang=fr")
                .expect(200).object(), "settings", "key");
        assertEquals("Durée d’une manche (secondes)", settings.get("round-seconds").getString("label"));
        assertEquals("Public results", settings.get("publicResults").getString("label"), "no French label: English");
        assertEquals("Declared help of publicResults.", settings.get("publicResults").getString("help"),
                "no help in any bundle: the declared description");
        assertEquals("CITY_COORDINATOR", settings.get("round-seconds").getString("changeableBy"));
        assertEquals("ADMIN", settings.get("max-tables").getString("changeableBy"));
        settings.values().forEach(s -> assertFalse(s.getString("label").equals(s.getString("key")),
                "no raw key as a label: " + s));
    }

    @Test
    void badBundlesRefuseTheJarAndLeaveNothingInstalled(PackagedServer server) {
        PluginAdmin admin = PluginAdmin.of(server);
        String id = uniqueId("it-badbundle");
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("not UTF-8", "module.name=D\u00e9gustation\n");
        refusals.put("key 'title'", "title=Dégustation\n");
        refusals.put("line break", "module.name=Deux\\nlignes\n");
        refusals.put("malformed", "module.name=\\u12\n");
        refusals.forEach((expected, content) -> {
            byte[] bytes = expected.equals("not UTF-8") ? content.getBytes(StandardCharsets.ISO_8859_1)
                    : text(content);
            PluginAdmin.Uploaded refused = admin.upload("/api/admin/plugins", translated(id, Map.of(FR, bytes)))
                    .expect(422);
            assertTrue(refused.body().contains(expected), expected + ": " + refused.body());
            assertTrue(refused.body().contains("Invalid message bundles"), refused.body());
        });
        PluginAdmin.Uploaded tooLarge = admin.upload("/api/admin/plugins", translated(id, Map.of(FR,
                text("module.description=" + "x".repeat(70_000))))).expect(422);
        assertTrue(tooLarge.body().contains("larger than 65536 bytes"), tooLarge.body());
        PluginAdmin.Uploaded misnamed = admin.upload("/api/admin/plugins", translated(id,
                Map.of("i18n/messages_FR.properties", text("module.name=X\n")))).expect(422);
        assertTrue(misnamed.body().contains("messages_FR.properties is not named"), misnamed.body());
        admin.get("/api/admin/plugins/" + id).expect(404);
    }

    @Test
    void aPluginBuiltForApi13MustNameItsSettingsInEnglishWhileA12PluginStartsWithout(PackagedServer server) {
        PluginAdmin admin = PluginAdmin.of(server);
        byte[] incomplete = text("module.name=Tasting test\nsetting.round-seconds.label=Round length\n"
                + "roomKind.translated-table.name=Tasting table\nsetting.publicResults.label=Public results\n"
                + "setting.api-token.label=Token\nsetting.max-tabels.label=Typo\n");
        String strict = uniqueId("it-strict");
        JsonObject failed = admin.install(translated(strict, Map.of(EN, incomplete)));
        INSTALLED.add(strict);
        assertEquals("FAILED", failed.getString("state"), failed.toString());
        String error = admin.plugin(strict).getString("lastError");
        assertTrue(error.contains("no label for setting 'max-tables' (setting.max-tables.label)"), error);
        assertTrue(error.contains("names setting 'max-tabels', which is not declared"), error);

        String lenient = uniqueId("it-lenient");
        JsonObject started = admin.install(PluginJars.variant("translated", Map.of("Plugin-Id", lenient,
                "Plugin-Requires", ">=1.2.0 & <2.0.0"), Map.of(EN, incomplete)));
        INSTALLED.add(lenient);
        assertEquals("STARTED", started.getString("state"), started.toString());
        Map<String, JsonObject> settings = byKey(admin.get("/api/admin/plugins/" + lenient + "/settings").expect(200)
                .object(), "settings", "key");
        assertEquals("Max tables", settings.get("max-tables").getString("label"), "no label: the key made readable");
    }
}
