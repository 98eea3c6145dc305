package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.creativecities.app.plugins.PluginAdmin;
import org.creativecities.app.plugins.PluginJars;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin console in a real Chromium: plugins (upload reviewed before enabling, start, stop, settings with the
 * server's validation messages, upgrade, uninstall, per-city placement), cities, roles, the audit log, the refusal
 * for non-administrators, the French console and the accessibility check.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class AdminBrowserIT {

    private static Browser browser;
    private static TestUser admin;

    @BeforeAll
    static void open(PackagedServer server) {
        admin = TestUser.admin(server);
        browser = Browser.open(server).useToken(admin.token());
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void thePluginsSectionListsTheBundledFilmPluginWithItsVersionStateAndHealth() {
        browser.go("/admin");
        String film = "[data-testid=admin-plugin-film]";
        browser.findWithText(film + " h3", "Film");
        System.out.println("AdminBrowserIT: first render of /admin (plugins) in " + browser.firstRenderMillis() + " ms");
        assertEquals("v1.0.0", browser.find(film + " [data-testid=admin-plugin-version]").getText());
        assertEquals("Started", browser.find(film + " [data-testid=admin-plugin-state]").getText());
        assertTrue(browser.find(film + " [data-testid=admin-plugin-health]").getText().contains("good"));
        assertEquals("page", browser.find("[data-testid=admin-nav-plugins]").getDomAttribute("aria-current"));
        assertEquals(List.of(), browser.axe());
        browser.screenshot("admin-plugins");
    }

    @Test
    void anUploadedPluginShowsItsPermissionsBeforeItIsEnabledThenStartsStopsIsSetUpgradedAndUninstalled()
            throws IOException {
        String id = "ui-admin-good-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        Path v1 = jar("good", id);
        Path v2 = jar("good-v2", id);
        String card = "[data-testid=admin-plugin-" + id + "]";
        browser.go("/admin/plugins");
        browser.find("[data-testid=admin-plugin-jar]").sendKeys(v1.toString());
        click("[data-testid=admin-plugin-upload]");

        // Review: the declared permissions are shown while the plugin is still disabled.
        WebElement review = browser.find("[data-testid=admin-plugin-review]");
        browser.findWithText("[data-testid=admin-plugin-review] [data-testid=admin-permissions]", "hooks");
        assertTrue(review.getText().contains("storage"), review.getText());
        assertTrue(review.getText().contains("See every message before it is stored"), review.getText());
        assertEquals("DISABLED", admin.get("/api/admin/plugins/" + id).expect(200).object().getString("state"));
        browser.findWithText(card + " [data-testid=admin-plugin-state]", "Disabled");

        click("[data-testid=admin-plugin-review-enable]");
        browser.findWithText(card + " [data-testid=admin-plugin-state]", "Started");
        browser.waitGone("[data-testid=admin-plugin-review]");
        assertEquals("STARTED", admin.get("/api/admin/plugins/" + id).expect(200).object().getString("state"));

        click(card + " [data-testid=admin-plugin-stop]");
        browser.findWithText(card + " [data-testid=admin-plugin-state]", "Stopped");
        assertEquals("STOPPED", admin.get("/api/admin/plugins/" + id).expect(200).object().getString("state"));
        click(card + " [data-testid=admin-plugin-start]");
        browser.findWithText(card + " [data-testid=admin-plugin-state]", "Started");

        // Settings: the server's message for an invalid value appears under its field; a valid one is saved.
        click(card + " [data-testid=admin-plugin-settings-toggle]");
        String maxItems = card + " [data-testid=admin-setting-maxItems]";
        browser.type(maxItems, "500");
        click(card + " [data-testid=admin-settings-save]");
        browser.findWithText(card + " [data-testid=admin-setting-error-maxItems]", "at most 100");
        assertEquals("true", browser.find(maxItems).getDomAttribute("aria-invalid"));
        assertEquals(10, settingValue(id, "maxItems").intValue());
        browser.type(maxItems, "42");
        new Select(browser.find(card + " [data-testid=admin-setting-mode]")).selectByValue("fancy");
        click(card + " [data-testid=admin-settings-save]");
        browser.until("the saved value", d -> settingValue(id, "maxItems").intValue() == 42);
        browser.waitGone(card + " [data-testid=admin-setting-error-maxItems]");
        browser.driver().navigate().refresh();
        click(card + " [data-testid=admin-plugin-settings-toggle]");
        browser.until("42 after a reload", d -> "42".equals(browser.find(maxItems).getDomProperty("value")));
        assertEquals("fancy", new Select(browser.find(card + " [data-testid=admin-setting-mode]"))
                .getFirstSelectedOption().getDomProperty("value"));

        // Upgrade with version 2.
        click(card + " [data-testid=admin-plugin-upgrade-toggle]");
        browser.find(card + " [data-testid=admin-plugin-upgrade-jar]").sendKeys(v2.toString());
        click(card + " [data-testid=admin-plugin-upgrade-submit]");
        browser.findWithText(card + " [data-testid=admin-plugin-version]", "v2.0.0");
        assertEquals("2.0.0", admin.get("/api/admin/plugins/" + id).expect(200).object().getString("version"));

        // Uninstall, after confirming.
        click(card + " [data-testid=admin-plugin-uninstall]");
        click("[data-testid=admin-confirm-ok]");
        browser.waitGone(card);
        admin.get("/api/admin/plugins/" + id).expect(404);
    }

    @Test
    void switchingFilmOffForOneCityTakesTheWatchPartyAwayThereOnly(PackagedServer server) {
        TestUser someone = TestUser.register(server.api(), "Placement Checker");
        String name = "Filmless " + Long.toString(System.nanoTime() % 1_000_000, 36);
        String city = admin.post("/api/cities", Api.json("name", name, "countryCode", "PT", "latitude", 41.1,
                "longitude", -8.6)).expect(201).object().getString("slug");
        long filmless = citySpace(city);
        long lyon = citySpace("lyon");
        assertTrue(roomKinds(filmless).contains("watch-party"), "film is network-wide at first");
        try {
            browser.go("/admin/plugins");
            String film = "[data-testid=admin-plugin-film]";
            click(film + " [data-testid=admin-plugin-cities-toggle]");
            click(film + " [data-testid=admin-placement-except]");
            browser.type(film + " [data-testid=admin-placement-search]", name);
            click(film + " [data-testid=admin-placement-matches] button");
            browser.findWithText(film + " [data-testid=admin-placement-chosen]", name);
            click(film + " [data-testid=admin-placement-save]");
            browser.findWithText(".toast-success", "Film is switched on in");
            browser.findWithText(film + " [data-testid=admin-plugin-where]", "cities");

            JsonObject placement = admin.get("/api/admin/plugins/film/cities").expect(200).object();
            assertFalse(placement.getBoolean("networkWide"));
            List<String> on = placement.getJsonArray("cities").getValuesAs(JsonString::getString);
            assertFalse(on.contains(city), on.toString());
            assertTrue(on.contains("lyon"), "lyon keeps film");
            assertFalse(roomKinds(filmless).contains("watch-party"), "gone where film is off");
            assertTrue(roomKinds(lyon).contains("watch-party"), "still offered elsewhere");
            someone.get("/api/plugins/film/cities/" + city + "/screenings").expect(404);
            someone.get("/api/plugins/film/cities/lyon/screenings").expect(200);

            // On the city pages, the administrator's "create a room" offers a watch party in Lyon only.
            List<String> offered = kindsOfferedOnCityPage(city);
            assertFalse(offered.contains("watch-party"), offered.toString());
            assertTrue(offered.contains("discussion"), offered.toString());
            assertTrue(kindsOfferedOnCityPage("lyon").contains("watch-party"), "Lyon still offers a watch party");

            // Reopened, the console shows the choice the way it was made.
            browser.go("/admin/plugins");
            click(film + " [data-testid=admin-plugin-cities-toggle]");
            assertTrue(browser.find(film + " [data-testid=admin-placement-except]").isSelected());
            browser.findWithText(film + " [data-testid=admin-placement-chosen]", name);
        } finally {
            admin.put("/api/admin/plugins/film/cities", Api.json("networkWide", true)).expect(200);
        }
    }

    @Test
    void anAdministratorCreatesACityFixesAnInvalidValueAddsADesignationAndRetiresAndReinstatesIt() {
        String name = "Consoleville " + Long.toString(System.nanoTime() % 1_000_000, 36);
        browser.go("/admin/cities");
        browser.find("[data-testid=admin-city-table]");
        System.out.println("AdminBrowserIT: first render of /admin/cities in " + browser.firstRenderMillis() + " ms");
        assertEquals(List.of(), browser.axe());
        browser.screenshot("admin-cities");

        click("[data-testid=admin-city-new]");
        browser.type("[data-testid=admin-city-field-name]", name);
        browser.type("[data-testid=admin-city-field-countryCode]", "pt");
        browser.type("[data-testid=admin-city-field-latitude]", "123");
        browser.type("[data-testid=admin-city-field-longitude]", "-8.61");
        browser.type("[data-testid=admin-city-field-website]", "https://example.org/consoleville");
        click("[data-testid=admin-city-save]");
        browser.findWithText("#admin-city-latitude-error", "Between -90 and 90");
        browser.type("[data-testid=admin-city-field-latitude]", "41.15");
        click("[data-testid=admin-city-save]");
        browser.findWithText("#admin-city-editor-title", "Edit " + name);
        JsonObject found = admin.get("/api/cities?q=" + java.net.URLEncoder.encode(name,
                java.nio.charset.StandardCharsets.UTF_8)).expect(200).object().getJsonArray("items").getJsonObject(0);
        String slug = found.getString("slug");
        assertEquals("PT", found.getJsonObject("country").getString("code"));

        new Select(browser.find("[data-testid=admin-designation-field]")).selectByValue("music");
        browser.type("[data-testid=admin-designation-year]", "2025");
        click("[data-testid=admin-designation-add]");
        browser.findWithText("[data-testid=admin-city-designations]", "2025");
        JsonObject profile = admin.get("/api/cities/" + slug).expect(200).object();
        assertEquals("music", profile.getJsonArray("designations").getJsonObject(0).getString("field"));
        assertEquals(2025, profile.getJsonArray("designations").getJsonObject(0).getInt("year"));

        browser.type("[data-testid=admin-city-search]", name);
        String row = "[data-testid=admin-city-" + slug + "]";
        browser.findWithText(row, "Music");
        click(row + " [data-testid=admin-city-retire]");
        click("[data-testid=admin-confirm-ok]");
        browser.findWithText(row, "Retired");
        assertTrue(admin.get("/api/cities/" + slug).expect(200).object().getBoolean("retired"));
        click(row + " [data-testid=admin-city-reinstate]");
        browser.findWithText(row, "Active");
        assertFalse(admin.get("/api/cities/" + slug).expect(200).object().getBoolean("retired"));
    }

    @Test
    void anAdministratorGrantsAdministrationAndACoordinatorRole(PackagedServer server) {
        TestUser ana = TestUser.register(server.api(), "Ana Roles");
        String city = admin.post("/api/cities", Api.json("name", "Roleton " + Long.toString(System.nanoTime() % 1_000_000, 36),
                "countryCode", "FR", "joinPolicy", "OPEN")).expect(201).object().getString("slug");
        ana.post("/api/cities/" + city + "/members", null).expect(201);

        browser.go("/admin/members");
        browser.type("[data-testid=admin-account-search]", ana.email());
        String account = "[data-testid=admin-account-" + ana.id() + "]";
        browser.findWithText(account, "Ana Roles");
        click(account + " [data-testid=admin-account-toggle]");
        click("[data-testid=admin-confirm-ok]");
        browser.findWithText(account, "Administrator");
        assertTrue(ana.get("/api/me").expect(200).object().getBoolean("admin"));

        new Select(browser.find("[data-testid=admin-members-city]")).selectByValue(city);
        String member = "[data-testid=admin-member-" + ana.id() + "]";
        browser.findWithText(member, "Member");
        click(member + " [data-testid=admin-member-promote]");
        browser.findWithText(member, "Coordinator");
        JsonObject mine = ana.get("/api/me").expect(200).object().getJsonArray("memberships").stream()
                .map(JsonValue::asJsonObject).filter(m -> m.getString("city").equals(city)).findFirst().orElseThrow();
        assertEquals("COORDINATOR", mine.getString("role"));
    }

    @Test
    void theAuditLogShowsAModerationMadeThroughTheApi(PackagedServer server) {
        TestUser bo = TestUser.register(server.api(), "Bo Muted");
        long space = citySpace("lyon");
        long room = admin.get("/api/spaces/" + space + "/rooms").expect(200).array().stream()
                .map(JsonValue::asJsonObject).filter(r -> r.getString("name").equals("general")).findFirst()
                .orElseThrow().getJsonNumber("id").longValue();
        admin.post("/api/rooms/" + room + "/moderation", Api.json("action", "mute", "accountId", bo.id(), "minutes", 5))
                .expect(204);

        browser.go("/admin/audit");
        WebElement entry = browser.findWithText("[data-testid=admin-audit-entry]", "Bo Muted");
        System.out.println("AdminBrowserIT: first render of /admin/audit in " + browser.firstRenderMillis() + " ms");
        browser.until("the room's name", d -> entry.getText().contains("general"));
        assertTrue(entry.getText().contains("Muted"), entry.getText());
        assertTrue(entry.getText().contains(admin.name()), entry.getText());
        assertEquals(List.of(), browser.axe());
    }

    @Test
    void someoneWhoIsNotAnAdministratorIsRefused(PackagedServer server) {
        TestUser eve = TestUser.register(server.api(), "Eve Curious");
        eve.get("/api/admin/plugins").expect(403);
        try (Browser b = Browser.open(server).useToken(eve.token())) {
            b.go("/admin/plugins");
            b.findWithText("[data-testid=admin-refusal]", "Administrators only");
            assertTrue(b.all("[data-testid=admin-plugin-film]").isEmpty());
            assertEquals(List.of(), b.axe());
        }
    }

    @Test
    void theConsoleSpeaksFrench(PackagedServer server) {
        try (Browser b = Browser.open(server, "fr-FR").useToken(admin.token())) {
            b.go("/admin/plugins");
            b.findWithText("main h1", "Modules");
            b.findWithText("[data-testid=admin-plugin-film] [data-testid=admin-plugin-state]", "Démarré");
            b.findWithText("[data-testid=admin-nav-audit]", "Journal d'audit");
            b.click("[data-testid=admin-nav-cities]");
            b.findWithText("main h1", "Villes");
            b.findWithText("[data-testid=admin-city-new]", "Nouvelle ville");
            assertEquals(List.of(), b.axe());
        }
    }

    @Test
    void filmsSettingsAreLabelledFromItsFrenchBundleAndNoRawKeyIsShown(PackagedServer server) {
        try (Browser b = Browser.open(server, "fr-FR").useToken(admin.token())) {
            b.go("/admin/plugins");
            String film = "[data-testid=admin-plugin-film]";
            b.findWithText(film + " h3", "Cinéma");
            b.click(film + " [data-testid=admin-plugin-settings-toggle]");
            b.findWithText(film + " [data-testid=admin-setting-label-max-drift-ms]",
                    "Décalage maximal d’un lecteur (ms)");
            b.findWithText(film + " [data-testid=admin-setting-label-members-may-suggest]",
                    "Les membres peuvent proposer des films");
            String form = b.find(film + " [data-testid=admin-settings]").getText();
            assertTrue(form.contains("De combien de millisecondes"), form);
            assertFalse(form.contains("max-drift-ms") || form.contains("members-may-suggest"), form);
            assertFalse(b.find(film).getText().contains("Watch party"), "the room kind is named in French too");
            assertEquals(List.of(), b.axe());

            // The room pages name film's room kind from its bundle too: Lyon's "create a room" offers it in French.
            b.go("/cities/lyon");
            b.click("[data-testid=city-spaces] [data-testid=create-room]");
            b.findWithText("[data-testid=city-spaces] [data-testid=new-room-kind] option[value=watch-party]",
                    "Séance partagée");
        }
    }

    @Test
    void aCoordinatorSetsForTheirCityTheSettingsAModuleOpensToCoordinators(PackagedServer server) {
        String id = "ui-city-settings-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        PluginAdmin.of(server).install(PluginJars.variant("translated", Map.of("Plugin-Id", id), Map.of()));
        String city = admin.post("/api/cities", Api.json("name", "Tasteville " + Long.toString(System.nanoTime()
                % 1_000_000, 36), "countryCode", "PT", "latitude", 41.1, "longitude", -8.6, "joinPolicy", "OPEN"))
                .expect(201).object().getString("slug");
        TestUser coordinator = TestUser.register(server.api(), "Tasting Coordinator");
        coordinator.post("/api/cities/" + city + "/members", null).expect(201);
        admin.put("/api/cities/" + city + "/members/" + coordinator.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        try (Browser b = Browser.open(server, "fr-FR").useToken(coordinator.token())) {
            b.go("/cities/" + city + "/modules/" + id);
            String form = "[data-testid=city-module-settings]";
            b.findWithText(form + " h2", "Réglages de Dégustation de test");
            b.findWithText(form + " [data-testid=admin-setting-label-round-seconds]", "Durée d’une manche (secondes)");
            b.findWithText(form + " [data-testid=admin-setting-label-publicResults]", "Public results");
            assertTrue(b.all(form + " [data-testid=admin-setting-max-tables]").isEmpty(),
                    "a setting only administrators change is not offered");
            b.type(form + " [data-testid=admin-setting-round-seconds]", "5");
            b.click(form + " [data-testid=admin-settings-save]");
            b.find(form + " [data-testid=admin-setting-error-round-seconds]");
            b.type(form + " [data-testid=admin-setting-round-seconds]", "90");
            b.click(form + " [data-testid=admin-settings-save]");
            b.until("the city's value", d -> settingValue(id, "round-seconds", city).intValue() == 90);
            assertEquals(60, settingValue(id, "round-seconds").intValue(), "the network keeps its value");
            assertEquals(List.of(), b.axe());
        } finally {
            PluginAdmin.of(server).remove(id);
            admin.send("DELETE", "/api/cities/" + city, null).expect(204);
        }
    }

    @Test
    void onAPhoneTheSectionListStacksAboveTheSection(PackagedServer server) {
        try (Browser b = Browser.phone(server).useToken(admin.token())) {
            b.go("/admin/audit");
            WebElement nav = b.find(".admin-nav");
            WebElement title = b.findWithText("main h1", "Audit log");
            assertTrue(nav.getRect().getY() + nav.getRect().getHeight() <= title.getRect().getY(),
                    "the navigation is above the section");
            assertTrue((Boolean) b.js("return document.documentElement.scrollWidth <= window.innerWidth"),
                    "nothing overflows sideways");
        }
    }

    /** Clears toasts (they may cover buttons) and clicks. */
    private static void click(String css) {
        browser.js("document.querySelectorAll('.toast').forEach(t => t.remove())");
        browser.js("arguments[0].scrollIntoView({block: 'center'})", browser.find(css));
        browser.click(css);
    }

    private static Path jar(String module, String id) throws IOException {
        Path file = Files.createTempFile("ccc-" + module + "-", ".jar");
        file.toFile().deleteOnExit();
        Files.write(file, PluginJars.variant(module, Map.of("Plugin-Id", id)));
        return file;
    }

    private static Number settingValue(String plugin, String key) {
        return settingValue(plugin, key, "");
    }

    private static Number settingValue(String plugin, String key, String city) {
        return admin.get("/api/admin/plugins/" + plugin + "/settings?city=" + city).expect(200).object()
                .getJsonArray("settings")
                .stream().map(JsonValue::asJsonObject).filter(s -> s.getString("key").equals(key)).findFirst()
                .orElseThrow().getJsonNumber("value").numberValue();
    }

    private static long citySpace(String city) {
        return admin.get("/api/spaces?city=" + city).expect(200).array().stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("slug").equals("city-" + city)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    /** The room kinds the city page's "create a room" form offers in the city's own space. */
    private static List<String> kindsOfferedOnCityPage(String city) {
        browser.go("/cities/" + city);
        String space = "[data-testid=city-spaces]";
        click(space + " [data-testid=create-room]");
        browser.find(space + " [data-testid=new-room-kind]");
        return browser.all(space + " [data-testid=new-room-kind] option").stream()
                .map(o -> o.getAttribute("value")).toList();
    }

    private static List<String> roomKinds(long space) {
        return admin.get("/api/spaces/" + space + "/room-kinds").expect(200).array().stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
    }
}
