package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.creativecities.app.plugins.PluginAdmin;
import org.creativecities.app.plugins.PluginJars;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

/**
 * Works in the browser: start a draft from the form, invite a co-author, publish only once both agreed (each in
 * their own browser), a version history with its diff, and a remix whose lineage shows on both works.
 */
@ExtendWith(BrowserServer.class)
class WorksBrowserIT {

    @Test
    void twoAuthorsPublishByConsentThenSomeoneElseRemixesIt(PackagedServer server, Api api) {
        TestUser ana = TestUser.register(api, "Ana Works");
        TestUser ben = TestUser.register(api, "Ben Works");
        TestUser chen = TestUser.register(api, "Chen Remix");
        String workPath;
        try (Browser a = Browser.open(server)) {
            a.useToken(ana.token()).go("/works/new");
            a.type("[data-testid=work-new] input[name=title]", "River Songs");
            a.type("[data-testid=work-new] textarea[name=content]", "# River Songs\n\nThe first verse.");
            a.click("[data-testid=work-new] button[type=submit]");
            a.until("the work's page", d -> a.path().matches("/works/\\d+"));
            workPath = a.path();
            a.findWithText("[data-testid=work-status]", "Draft");
            a.findWithText("[data-testid=work-text] h1", "River Songs");

            // A second version, and the diff between the two.
            a.click("[data-testid=work-edit-button]");
            a.type("[data-testid=work-edit] textarea[name=content]", "# River Songs\n\nThe first verse, sung twice.");
            a.type("[data-testid=work-edit] input[name=message]", "longer verse");
            a.click("[data-testid=work-edit] button[type=submit]");
            a.findWithText("[data-testid=work-text]", "sung twice");
            a.until("two versions", d -> a.all("[data-testid=work-version]").size() == 2);
            a.click("[data-testid=work-compare] button[type=submit]");
            a.findWithText("[data-testid=work-diff] ins", "sung twice");

            // Ben becomes a co-author; Ana asks to publish and agrees: Ben is still to agree.
            a.type("[data-testid=work-invite] input[name=accountId]", Long.toString(ben.id()));
            a.click("[data-testid=work-invite] button[type=submit]");
            a.findWithText("[data-testid=work-authors]", "Ben Works");
            a.click("[data-testid=work-publish-form] button[type=submit]");
            a.findWithText("[data-testid=work-pending]", "Ben Works");
            a.findWithText("[data-testid=work-status]", "Draft");
            assertEquals(List.of(), a.axe(), "axe on a work's page");
        }
        try (Browser b = Browser.open(server)) {
            b.useToken(ben.token()).go(workPath);
            b.click("[data-testid=work-agree]");
            b.findWithText("[data-testid=work-status]", "Published");
            String attribution = b.find("[data-testid=work-attribution]").getText();
            assertTrue(attribution.contains("River Songs") && attribution.contains("Ana Works")
                    && attribution.contains("Ben Works") && attribution.contains("CC BY-SA 4.0"), attribution);
            assertEquals("CC-BY-SA-4.0", b.find("[data-testid=work-licence]").getText());
            // Its public page is the server's (not the app's): a stable address with JSON-LD for search engines.
            b.driver().get(b.find("[data-testid=work-public-page]").getAttribute("href"));
            b.until("the public page", d -> b.path().equals(workPath + ".html"));
            assertTrue(b.driver().getPageSource().contains("application/ld+json"), b.driver().getPageSource());
        }
        try (Browser c = Browser.open(server)) {
            c.useToken(chen.token()).go(workPath);
            c.find("[data-testid=work-fork-form] input[name=title]").clear();
            c.type("[data-testid=work-fork-form] input[name=title]", "River Songs, remixed");
            // A BY-SA source cannot become NC: refused with the reason, nothing created.
            new Select(c.find("[data-testid=work-fork-form] select[name=licence]")).selectByValue("CC-BY-NC-4.0");
            c.click("[data-testid=work-fork-form] button[type=submit]");
            c.findWithText(".error-box", "BY-SA");
            assertEquals(workPath, c.path());
            new Select(c.find("[data-testid=work-fork-form] select[name=licence]")).selectByValue("CC-BY-SA-4.0");
            c.click("[data-testid=work-fork-form] button[type=submit]");
            c.until("the fork's page", d -> !c.path().equals(workPath) && c.path().matches("/works/\\d+"));
            c.findWithText("[data-testid=work-derived-from]", "River Songs");
            c.findWithText("[data-testid=lineage-list]", "Ana Works");
            assertEquals(2, c.all(".lineage-graph rect").size(), "the graph shows the source and the fork");
            // The source's page shows what was made from it.
            c.go(workPath);
            c.findWithText("[data-testid=lineage-list]", "River Songs, remixed");
        }
    }

    @Test
    void aPluginKindIsMadeEditedAndComparedWithThePluginsOwnElement(PackagedServer server, Api api) {
        PluginAdmin admin = PluginAdmin.of(server);
        String plugin = "br-recipes";
        admin.remove(plugin);
        admin.install(PluginJars.variant("work-kinds", Map.of("Plugin-Id", plugin)));
        TestUser ana = TestUser.register(api, "Ana Kinds");
        try (Browser a = Browser.open(server)) {
            a.useToken(ana.token()).go("/works/new");
            a.click("[data-testid=work-new] input[name=kind][value='br-recipes:recipe']");
            a.type("[data-testid=work-new] input[name=title]", "Leek soup");
            a.click("[data-testid=work-new] input[name=fields][value=gastronomy]");
            a.type("[data-testid=recipe-name]", "leek");
            a.click("[data-testid=recipe-add]");
            a.findWithText("[data-testid=recipe-ingredients] li", "leek");
            a.click("[data-testid=work-new] button[type=submit]");
            a.until("the work's page", d -> a.path().matches("/works/\\d+"));
            a.findWithText("[data-testid=work-kind-element] [data-testid=recipe-ingredients] li", "1 g leek");

            a.click("[data-testid=work-edit-button]");
            a.type("[data-testid=work-edit] [data-testid=recipe-name]", "cream");
            a.click("[data-testid=work-edit] [data-testid=recipe-add]");
            a.click("[data-testid=work-edit] button[type=submit]");
            a.until("two versions", d -> a.all("[data-testid=work-version]").size() == 2);
            a.findWithText("[data-testid=work-kind-element] [data-testid=recipe-ingredients]", "1 g cream");
            a.click("[data-testid=work-compare] button[type=submit]");
            a.findWithText("[data-testid=work-diff-structured] li", "/ingredients/1");
            a.findWithText("[data-testid=work-diff-structured] ins", "cream");
            assertEquals(List.of(), a.axe(), "axe on a plugin kind's work page");

            // Published, it is among the works of its field's page.
            ana.post("/api/works/" + a.path().substring("/works/".length()) + "/publish",
                    Api.json("audience", "everyone")).expect(200);
            a.go("/cities?field=gastronomy");
            a.findWithText("[data-testid=field-works] [data-testid=work-card]", "Leek soup");
        } finally {
            admin.remove(plugin);
        }
    }
}
