package org.creativecities.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plugin host on the running packaged server, driven through the admin REST API with real plugin jars
 * (modules/test-plugins). Each test uses its own plugin ids and removes what it installed.
 */
@ExtendWith(SharedServer.class)
class PluginHostIT {

    private static final List<String> INSTALLED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static JsonObject install(PluginAdmin admin, byte[] jar) {
        JsonObject view = admin.install(jar);
        INSTALLED.add(view.getString("id"));
        return view;
    }

    /** Removes what the tests installed, last first, so that dependents go before what they depend on. */
    @AfterAll
    static void removeEverythingInstalled(PackagedServer server) {
        PluginAdmin admin = PluginAdmin.of(server);
        List<String> lastFirst = new java.util.ArrayList<>(INSTALLED);
        java.util.Collections.reverse(lastFirst);
        lastFirst.forEach(admin::remove);
    }

    /** The newest audit entry with this action and subject. */
    private static JsonObject audited(PluginAdmin admin, String action, String subject) {
        return admin.get("/api/admin/audit?size=100").expect(200).object().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .filter(e -> action.equals(e.getString("action")) && subject.equals(e.getString("subject", "")))
                .findFirst().orElseThrow(() -> new AssertionError("no audit entry " + action + " " + subject));
    }

    private static Set<String> pluginFiles(PackagedServer server) throws IOException {
        Path dir = server.pluginsDir();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static Set<String> stagedFiles(PackagedServer server) throws IOException {
        Path dir = server.pluginsDir().resolve(".staging");
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void installStartServeStopUpgradeAndUninstall(PackagedServer server, Api api) {
        PluginAdmin admin = PluginAdmin.of(server);
        String id = "it-lifecycle";
        api.get("/api/plugins/" + id + "/hello").expect(404);

        JsonObject installed = install(admin, PluginJars.good(id));
        assertEquals("STARTED", installed.getString("state"));
        assertEquals("ok", installed.getString("health"));
        assertEquals("1.0.0", installed.getString("version"));
        JsonObject module = installed.getJsonObject("module");
        assertEquals(List.of("cities.read", "events", "hooks", "http.routes", "members.read", "storage"),
                strings(module, "permissions"));
        assertEquals(List.of("film", "music"), strings(module, "fields"));
        assertEquals("echo-room", module.getJsonArray("roomKinds").getJsonObject(0).getString("id"));

        JsonObject hello = api.get("/api/plugins/" + id + "/hello").expect(200).object();
        assertEquals("Hello", hello.getString("greeting"));
        assertEquals("1.0.0", hello.getString("version"));
        assertEquals(405, api.request("DELETE", "/api/plugins/" + id + "/hello").send().status());
        assertEquals(404, api.get("/api/plugins/" + id + "/nothing-here").status());

        Api.Response js = api.get("/plugins/" + id + "/ui/good.js").expect(200);
        assertTrue(js.header("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertTrue(js.body().contains("good plugin UI"));
        api.get("/plugins/" + id + "/ui/icon.svg").expect(200);
        // A path with dot segments names nothing: refused as a bad request before anything is looked up.
        assertEquals(400, api.get("/plugins/" + id + "/ui/../../core.war").status());
        assertEquals(400, api.get("/plugins/" + id + "/ui/%2e%2e/META-INF/MANIFEST.MF").status());
        assertEquals(404, api.get("/plugins/" + id + "/ui/GoodModule.class").status());

        assertEquals("STOPPED", admin.post("/api/admin/plugins/" + id + "/stop").expect(200).object()
                .getString("state"));
        api.get("/api/plugins/" + id + "/hello").expect(404);
        api.get("/plugins/" + id + "/ui/good.js").expect(404);
        admin.post("/api/admin/plugins/" + id + "/start").expect(200);
        api.get("/api/plugins/" + id + "/hello").expect(200);

        byte[] v2 = PluginJars.variant("good-v2", Map.of("Plugin-Id", id));
        JsonObject upgraded = admin.upload("/api/admin/plugins/" + id + "/upgrade", v2).expect(200).object();
        assertEquals("2.0.0", upgraded.getString("version"));
        assertEquals("STARTED", upgraded.getString("state"));
        JsonObject hello2 = api.get("/api/plugins/" + id + "/hello").expect(200).object();
        assertEquals(2, hello2.getInt("generation"));
        assertEquals("2.0.0", hello2.getString("version"));
        admin.upload("/api/admin/plugins/" + id + "/upgrade", PluginJars.good(id)).expect(409);
        assertEquals("1.0.0", admin.upload("/api/admin/plugins/" + id + "/upgrade?force=true", PluginJars.good(id))
                .expect(200).object().getString("version"));

        admin.delete("/api/admin/plugins/" + id).expect(204);
        api.get("/api/plugins/" + id + "/hello").expect(404);
        admin.get("/api/admin/plugins/" + id).expect(404);
        assertTrue(admin.get("/api/admin/plugins").expect(200).object().getJsonArray("plugins").stream()
                .noneMatch(p -> p.asJsonObject().getString("id").equals(id)));
    }

    @Test
    void anUpgradeWhoseNewVersionCannotStartIsRolledBackWithItsSettingsAndData(PackagedServer server, Api api)
            throws IOException {
        PluginAdmin admin = PluginAdmin.of(server);
        String id = "it-rollback";
        install(admin, PluginJars.good(id));
        admin.put("/api/admin/plugins/" + id + "/settings", Api.json("values", Api.json("greeting", "Kept")))
                .expect(200);
        putText(api, "/api/plugins/" + id + "/kv/note?expected=0", "kept too").expect(200);

        byte[] broken = PluginJars.variant("throws-on-start", Map.of("Plugin-Id", id, "Plugin-Version", "3.0.0"));
        PluginAdmin.Uploaded refused = admin.upload("/api/admin/plugins/" + id + "/upgrade", broken);
        assertEquals(422, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.contentType());
        JsonObject problem = refused.object();
        assertEquals("Upgrade failed to start", problem.getString("title"));
        String detail = problem.getString("detail");
        assertTrue(detail.contains("3.0.0") && detail.contains("cannot start on purpose")
                && detail.contains("1.0.0"), detail);
        assertFalse(refused.body().contains("java.") || refused.body().contains("Exception"), refused.body());

        JsonObject view = admin.plugin(id);
        assertEquals("1.0.0", view.getString("version"));
        assertEquals("STARTED", view.getString("state"));
        JsonObject hello = api.get("/api/plugins/" + id + "/hello").expect(200).object();
        assertEquals("1.0.0", hello.getString("version"));
        assertEquals("Kept", hello.getString("greeting"));
        assertEquals("kept too", api.get("/api/plugins/" + id + "/kv/note").expect(200).object().getString("value"));
        Set<String> files = pluginFiles(server);
        assertTrue(files.contains(id + "-1.0.0.jar") && !files.contains(id + "-3.0.0.jar"), files.toString());
        assertEquals(Set.of(), stagedFiles(server), "nothing left in staging");
        JsonObject audit = audited(admin, "plugin.upgrade-rolled-back", "plugin " + id);
        assertEquals("3.0.0", audit.getString("before"));
        assertEquals("1.0.0", audit.getString("after"));
    }

    @Test
    void disablingAPluginStopsThePluginsThatDependOnItAndSaysWhich(PackagedServer server, Api api) {
        PluginAdmin admin = PluginAdmin.of(server);
        install(admin, PluginJars.good("it-base"));
        install(admin, PluginJars.variant("good", Map.of("Plugin-Id", "it-needs-base",
                "Plugin-Dependencies", "it-base@>=1.0.0")));
        install(admin, PluginJars.variant("good", Map.of("Plugin-Id", "it-needs-needs-base",
                "Plugin-Dependencies", "it-needs-base")));
        install(admin, PluginJars.good("it-bystander"));
        api.get("/api/plugins/it-needs-needs-base/hello").expect(200);

        JsonObject disabled = admin.post("/api/admin/plugins/it-base/disable").expect(200).object();
        assertEquals("DISABLED", disabled.getString("state"));
        assertEquals(List.of("it-needs-needs-base", "it-needs-base"), strings(disabled, "stoppedDependents"));
        for (String dependent : List.of("it-needs-base", "it-needs-needs-base")) {
            api.get("/api/plugins/" + dependent + "/hello").expect(404);
            assertEquals("STOPPED", admin.plugin(dependent).getString("state"), dependent);
            assertTrue(audited(admin, "plugin.stop", "plugin " + dependent).getString("after").contains("it-base"),
                    dependent);
        }
        assertTrue(audited(admin, "plugin.disable", "plugin it-base").getString("after")
                .contains("it-needs-needs-base, it-needs-base"));
        api.get("/api/plugins/it-bystander/hello").expect(200);
        JsonObject withoutItsDependency = admin.post("/api/admin/plugins/it-needs-base/start").expect(200).object();
        assertEquals("FAILED", withoutItsDependency.getString("state"));
        assertTrue(withoutItsDependency.getString("lastError").contains("not running (it-base)"),
                withoutItsDependency.toString());
        api.get("/api/plugins/it-needs-base/hello").expect(404);

        // Enabling it again starts it alone: an administrator starts the dependents, dependencies first.
        JsonObject enabled = admin.post("/api/admin/plugins/it-base/enable").expect(200).object();
        assertEquals("STARTED", enabled.getString("state"));
        assertFalse(enabled.containsKey("stoppedDependents"), enabled.toString());
        assertEquals("FAILED", admin.plugin("it-needs-base").getString("state"));
        assertEquals("STOPPED", admin.plugin("it-needs-needs-base").getString("state"));
        assertEquals("STARTED", admin.post("/api/admin/plugins/it-needs-base/start").expect(200).object()
                .getString("state"));
        admin.post("/api/admin/plugins/it-needs-needs-base/start").expect(200);
        api.get("/api/plugins/it-needs-needs-base/hello").expect(200);

        JsonObject stopped = admin.post("/api/admin/plugins/it-needs-base/stop").expect(200).object();
        assertEquals(List.of("it-needs-needs-base"), strings(stopped, "stoppedDependents"));
        api.get("/api/plugins/it-needs-needs-base/hello").expect(404);
        api.get("/api/plugins/it-base/hello").expect(200);
    }

    @Test
    void refusalsAreProblemsAndLeaveNothingBehind(PackagedServer server) throws IOException {
        PluginAdmin admin = PluginAdmin.of(server);
        Set<String> before = pluginFiles(server);

        JsonObject newer = admin.upload("/api/admin/plugins", PluginJars.built("needs-newer-api")).expect(422).object();
        assertEquals("Plugin API not supported", newer.getString("title"));
        assertTrue(newer.getString("detail").contains(">=2.0.0"), newer.toString());

        JsonObject missing = admin.upload("/api/admin/plugins", PluginJars.built("missing-dependency")).expect(422)
                .object();
        assertTrue(missing.getString("detail").contains("test-absent"), missing.toString());

        install(admin, PluginJars.good("it-dependency-target"));
        JsonObject incompatible = admin.upload("/api/admin/plugins", PluginJars.variant("good", Map.of(
                "Plugin-Id", "it-dependent", "Plugin-Dependencies", "it-dependency-target@>=5.0.0")))
                .expect(422).object();
        assertEquals("Incompatible dependency", incompatible.getString("title"));

        JsonObject duplicate = admin.upload("/api/admin/plugins", PluginJars.good("it-dependency-target")).expect(409)
                .object();
        assertTrue(duplicate.getString("detail").contains("it-dependency-target"));

        admin.upload("/api/admin/plugins", "this is not a jar".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .expect(400);
        JsonObject notPlugin = admin.upload("/api/admin/plugins", PluginJars.plainZip()).expect(422).object();
        assertEquals("Not a plugin jar", notPlugin.getString("title"));
        admin.upload("/api/admin/plugins", new byte[0]).expect(400);

        Set<String> after = pluginFiles(server);
        after.removeIf(f -> f.startsWith("it-dependency-target"));
        assertEquals(before, after, "only the one accepted jar was added");
        assertEquals(Set.of(), stagedFiles(server), "nothing left in staging");
        List<String> ids = admin.get("/api/admin/plugins").expect(200).object().getJsonArray("plugins").stream()
                .map(p -> p.asJsonObject().getString("id")).toList();
        assertFalse(ids.contains("test-needs-newer-api") || ids.contains("test-missing-dependency")
                || ids.contains("it-dependent"), ids.toString());
    }

    /** A Java class name, as the security suite recognises one (JsonBodies). */
    private static final java.util.regex.Pattern NO_JAVA_NAMES = java.util.regex.Pattern.compile(
            "\\b(java|jakarta|javax|org|com|sun)\\.[a-z]+\\.|[A-Z][a-zA-Z]+(Exception|Error)\\b");

    @Test
    void aPluginThatThrowsOnStartIsReportedFailedAndOthersKeepWorking(PackagedServer server, Api api) {
        PluginAdmin admin = PluginAdmin.of(server);
        install(admin, PluginJars.good("it-neighbour"));
        JsonObject failed = install(admin, PluginJars.built("throws-on-start"));
        assertEquals("FAILED", failed.getString("state"));
        assertEquals("failed", failed.getString("health"));
        assertTrue(failed.getString("lastError").contains("cannot start on purpose"), failed.toString());
        api.get("/api/plugins/it-neighbour/hello").expect(200);
        JsonObject health = admin.get("/health").object();
        JsonObject plugins = health.getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").equals("plugins")).findFirst().orElseThrow();
        assertEquals("UP", plugins.getString("status"));
        assertTrue(plugins.getJsonObject("data").getString("test-throws-on-start").startsWith("failed"));
    }

    @Test
    void aHangingPluginTimesOutAndIsDisabledAfterThreeFailuresWhileAHealthyOneKeepsServing(PackagedServer server,
                                                                                          Api api) {
        PluginAdmin admin = PluginAdmin.of(server);
        install(admin, PluginJars.good("it-healthy"));
        install(admin, PluginJars.built("hangs"));
        api.get("/api/plugins/test-hangs/ping").expect(200);
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            JsonObject timeout = api.get("/api/plugins/test-hangs/hang").expect(504).object();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 5_000, "answered after " + ms + " ms");
            assertEquals("Plugin timed out", timeout.getString("title"));
            api.get("/api/plugins/it-healthy/hello").expect(200);
        }
        JsonObject disabled = admin.awaitPlugin("test-hangs", p -> "DISABLED".equals(p.getString("state")),
                Duration.ofSeconds(10));
        assertEquals("DISABLED", disabled.getString("state"), disabled.toString());
        assertTrue(disabled.getString("disabledReason").contains("automatically"), disabled.toString());
        api.get("/api/plugins/test-hangs/ping").expect(404);
        api.get("/api/plugins/it-healthy/hello").expect(200);
        JsonObject reenabled = admin.post("/api/admin/plugins/test-hangs/enable").expect(200).object();
        assertEquals("STARTED", reenabled.getString("state"));
        api.get("/api/plugins/test-hangs/ping").expect(200);
    }

    @Test
    void aThrowingEventListenerIsSuspendedInACityAfterThreeFailuresThereAndDisabledWhenThreeCitiesSuffer(
            PackagedServer server, Api api) {
        PluginAdmin admin = PluginAdmin.of(server);
        install(admin, PluginJars.built("hook-throws"));
        api.get("/api/plugins/test-hook-throws/").expect(200);
        for (int i = 0; i < 3; i++) {
            admin.send("PATCH", "/api/cities/kashan", Api.json("description", "Kashan, change " + i)).expect(200);
        }
        JsonObject suspended = admin.awaitPlugin("test-hook-throws", p -> !p.getJsonArray("suspendedIn").isEmpty(),
                Duration.ofSeconds(15));
        assertEquals("STARTED", suspended.getString("state"), "one city's trouble stays in that city: " + suspended);
        assertEquals("kashan", suspended.getJsonArray("suspendedIn").getString(0), suspended.toString());
        for (String city : new String[] {"lyon", "dublin"}) {
            for (int i = 0; i < 3; i++) {
                admin.send("PATCH", "/api/cities/" + city, Api.json("description", city + ", change " + i))
                        .expect(200);
            }
        }
        JsonObject disabled = admin.awaitPlugin("test-hook-throws", p -> "DISABLED".equals(p.getString("state")),
                Duration.ofSeconds(15));
        assertEquals("DISABLED", disabled.getString("state"), disabled.toString());
        assertTrue(disabled.getString("lastError").contains("listener fails on purpose"), disabled.toString());
        assertFalse(NO_JAVA_NAMES.matcher(disabled.getString("lastError")).find(),
                "administrators read why, not the plugin's exception class: " + disabled.getString("lastError"));
        api.get("/api/plugins/test-hook-throws/").expect(404);
    }

    @Test
    void perCityEnablementHidesRoutesInOtherCities(PackagedServer server, Api api) {
        PluginAdmin admin = PluginAdmin.of(server);
        String id = "it-per-city";
        install(admin, PluginJars.good(id));
        api.get("/api/plugins/" + id + "/cities/kashan/hello").expect(200);

        JsonObject placed = admin.put("/api/admin/plugins/" + id + "/cities",
                Api.json("networkWide", false, "cities", List.of("bistrita"))).expect(200).object();
        assertFalse(placed.getBoolean("networkWide"));
        assertEquals("bistrita", api.get("/api/plugins/" + id + "/cities/bistrita/hello").expect(200).object()
                .getString("city"));
        assertEquals("Bistrița", api.get("/api/plugins/" + id + "/cities/bistrita/city").expect(200).object()
                .getString("name"));
        api.get("/api/plugins/" + id + "/cities/kashan/hello").expect(404);
        api.get("/api/plugins/" + id + "/cities/no-such-city/hello").expect(404);
        admin.put("/api/admin/plugins/" + id + "/cities", Api.json("networkWide", false, "cities",
                List.of("no-such-city"))).expect(404);

        admin.put("/api/admin/plugins/" + id + "/cities", Api.json("networkWide", true, "cities", List.of()))
                .expect(200);
        api.get("/api/plugins/" + id + "/cities/kashan/hello").expect(200);
    }

    @Test
    void settingsAreValidatedAgainstTheSchemaAndSecretsAreMasked(PackagedServer server, Api api) {
        PluginAdmin admin = PluginAdmin.of(server);
        String id = "it-settings";
        install(admin, PluginJars.good(id));
        String path = "/api/admin/plugins/" + id + "/settings";

        JsonObject invalid = admin.put(path, Api.json("values", Api.json("maxItems", 500, "mode", "plain",
                "nope", 1, "tags", List.of("ok", "NO"), "loud", "yes"))).expect(400).object();
        Set<String> fields = invalid.getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).collect(Collectors.toSet());
        assertEquals(Set.of("values.maxItems", "values.mode", "values.nope", "values.tags", "values.loud"), fields);

        JsonObject saved = admin.put(path, Api.json("values", Api.json("greeting", "Hi", "apiKey", "s3cret",
                "tags", List.of("a", "b")))).expect(200).object();
        assertFalse(saved.toString().contains("s3cret"));
        JsonObject apiKey = saved.getJsonArray("settings").stream().map(s -> s.asJsonObject())
                .filter(s -> s.getString("key").equals("apiKey")).findFirst().orElseThrow();
        assertEquals("********", apiKey.getString("value"));
        assertEquals("Api key", apiKey.getString("label"), "a plugin without bundles: its key made readable");
        assertEquals("A secret key.", apiKey.getString("help"));
        assertFalse(admin.get(path).expect(200).body().contains("s3cret"));

        JsonObject hello = api.get("/api/plugins/" + id + "/hello").expect(200).object();
        assertEquals("Hi", hello.getString("greeting"));
        assertEquals(List.of("a", "b"), strings(hello, "tags"));

        admin.put(path + "?city=kashan", Api.json("values", Api.json("greeting", "Salaam"))).expect(200);
        assertEquals("Salaam", api.get("/api/plugins/" + id + "/cities/kashan/hello").expect(200).object()
                .getString("greeting"));
        assertEquals("Hi", api.get("/api/plugins/" + id + "/cities/bistrita/hello").expect(200).object()
                .getString("greeting"));
        JsonObject cityView = admin.get(path + "?city=kashan").expect(200).object();
        assertEquals("city", cityView.getJsonArray("settings").stream().map(s -> s.asJsonObject())
                .filter(s -> s.getString("key").equals("greeting")).findFirst().orElseThrow().getString("source"));
    }

    @Test
    void storageCompareAndSetConflictsExpiryAndListing(PackagedServer server, Api api) throws InterruptedException {
        PluginAdmin admin = PluginAdmin.of(server);
        String id = "it-storage";
        install(admin, PluginJars.good(id));
        String kv = "/api/plugins/" + id + "/kv/";

        assertEquals(1, putText(api, kv + "a?expected=0", "one").expect(200).object().getInt("version"));
        JsonObject conflict = putText(api, kv + "a?expected=0", "again").expect(409).object();
        assertEquals("application/problem+json", putText(api, kv + "a?expected=0", "again").header("Content-Type")
                .orElseThrow());
        assertTrue(conflict.getString("detail").contains("is at version 1, not 0"), conflict.toString());
        assertEquals(2, putText(api, kv + "a?expected=1", "two").expect(200).object().getInt("version"));
        putText(api, kv + "a?expected=1", "stale").expect(409);
        assertEquals("two", api.get(kv + "a").expect(200).object().getString("value"));

        putText(api, kv + "a?expected=0", "city one").expect(409);
        assertEquals(1, putText(api, "/api/plugins/" + id + "/cities/kashan/kv/a?expected=0", "city")
                .expect(200).object().getInt("version"));

        putText(api, kv + "short?ttl=PT1S", "soon gone").expect(200);
        assertEquals("soon gone", api.get(kv + "short").expect(200).object().getString("value"));
        Thread.sleep(1500);
        api.get(kv + "short").expect(404);
        assertEquals(1, putText(api, kv + "short?expected=0", "back").expect(200).object().getInt("version"));

        for (int i = 1; i <= 5; i++) {
            putText(api, kv + "p" + i, "v" + i).expect(200);
        }
        JsonObject first = api.get("/api/plugins/" + id + "/kv?prefix=p&limit=2").expect(200).object();
        assertEquals(List.of("p1", "p2"), strings(first, "keys"));
        JsonObject second = api.get("/api/plugins/" + id + "/kv?prefix=p&limit=2&cursor=" + first.getString("next"))
                .expect(200).object();
        assertEquals(List.of("p3", "p4"), strings(second, "keys"));
        JsonObject third = api.get("/api/plugins/" + id + "/kv?prefix=p&limit=2&cursor=" + second.getString("next"))
                .expect(200).object();
        assertEquals(List.of("p5"), strings(third, "keys"));
        assertEquals("", third.getString("next"));
    }

    /** The good plugin stores the body's bytes as they are: sent as text, which they are. */
    private static Api.Response putText(Api api, String path, String text) {
        return api.request("PUT", path).header("Content-Type", "text/plain").body(text).send();
    }

    @Test
    void usingAServiceWithoutItsPermissionIsRefused(PackagedServer server, Api api) {
        PluginAdmin admin = PluginAdmin.of(server);
        install(admin, PluginJars.built("undeclared-permission"));
        api.get("/api/plugins/test-undeclared-permission/ping").expect(200);
        JsonObject refused = api.get("/api/plugins/test-undeclared-permission/storage").expect(403).object();
        assertTrue(refused.getString("detail").contains("'storage'"), refused.toString());
        JsonObject view = admin.plugin("test-undeclared-permission");
        assertTrue(view.getString("lastError").contains("storage"), view.toString());
        assertEquals("degraded", view.getString("health"));
    }
}
