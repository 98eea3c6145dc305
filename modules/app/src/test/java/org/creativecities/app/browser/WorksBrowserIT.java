package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.creativecities.app.plugins.PluginAdmin;
import org.creativecities.app.plugins.PluginJars;
import javax.imageio.ImageIO;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestCities;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Works in the browser: start a draft from the form, invite a co-author, publish only once both agreed (each in
 * their own browser), a version history with its diff, the published work among the recent works of the home page,
 * its author's city's page and her profile, and a remix whose lineage shows on both works; an image uploaded into a
 * work that asks for its alt text, without which publishing is refused.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class WorksBrowserIT {

    @TempDir
    Path dir;

    private final TestCities cities = new TestCities();

    @AfterEach
    void retireTheTestCities() {
        cities.retireAll();
    }

    @Test
    void twoAuthorsPublishByConsentThenSomeoneElseRemixesIt(PackagedServer server, Api api) {
        TestUser ana = TestUser.register(api, "Ana Works");
        TestUser ben = TestUser.register(api, "Ben Works");
        TestUser chen = TestUser.register(api, "Chen Remix");
        TestUser admin = TestUser.admin(server);
        String city = cities.add(admin.post("/api/cities", Api.json("name", "Riverton " + System.nanoTime()
                % 1_000_000, "countryCode", "PT", "joinPolicy", "OPEN")).expect(201).object().getString("slug"), admin);
        ana.post("/api/cities/" + city + "/members", null).expect(201);
        String workPath;
        try (Browser a = Browser.open(server)) {
            a.useToken(ana.token()).go("/works/new");
            a.type("[data-testid=work-new] input[name=title]", "River Songs");
            a.type("[data-testid=work-new] textarea[name=content]",
                    "# River Songs\n\nThe first verse.\n\n~~Struck~~ at https://example.org/river.");
            a.click("[data-testid=work-new] button[type=submit]");
            a.until("the work's page", d -> a.path().matches("/works/\\d+"));
            workPath = a.path();
            a.findWithText("[data-testid=work-status]", "Draft");
            a.findWithText("[data-testid=work-text] h1", "River Songs");
            // The text reads as its public page renders it (CommonMark, on the server): no strikethrough, no link
            // made of a bare address (the browser's own Markdown, GFM, made both).
            a.findWithText("[data-testid=work-text] p", "~~Struck~~ at https://example.org/river.");
            assertEquals(0, a.all("[data-testid=work-text] del, [data-testid=work-text] a").size());

            // A second version, and the diff between the two.
            a.click("[data-testid=work-edit-button]");
            a.type("[data-testid=work-edit] textarea[name=content]",
                    "# River Songs\n\nThe first verse, sung twice.\n\n~~Struck~~ at https://example.org/river.");
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
            // Published to everyone: someone who is not an author finds its card on the home page, on the page of
            // its author's city and on her profile.
            c.useToken(chen.token());
            for (String[] where : new String[][] {{"/", "home-works"}, {"/cities/" + city, "city-works"},
                    {"/people/" + ana.id(), "person-works"}}) {
                c.go(where[0]);
                c.findWithText("[data-testid=" + where[1] + "] [data-testid=work-card] a[href='" + workPath + "']",
                        "River Songs");
            }
            c.go(workPath);
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

    @Test
    void anUploadedImageAsksForItsAltTextWhichPublishingNeeds(PackagedServer server, Api api) throws IOException {
        TestUser ana = TestUser.register(api, "Ana Alt");
        TestUser ben = TestUser.register(api, "Ben Alt");
        long work = ana.post("/api/works", Api.json("kind", "text", "title", "Harbour Walk",
                "content", "# Harbour Walk\n\nWhat we saw.")).expect(201).object().getJsonNumber("id").longValue();
        ana.post("/api/works/" + work + "/authors", Api.json("accountId", ben.id())).expect(200, 201);
        Path photo = dir.resolve("harbour.png");
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 400, 300);
        g.dispose();
        ImageIO.write(image, "png", photo.toFile());

        try (Browser b = Browser.open(server)) {
            b.useToken(ana.token()).go("/works/" + work);
            b.js("window.__progressShown = false; new MutationObserver(() => { if (document.querySelector("
                    + "'[data-testid=media-uploading] progress')) window.__progressShown = true; })"
                    + ".observe(document.body, {subtree: true, childList: true});");
            b.find("[data-testid=media-drop]");
            b.driver().findElement(By.cssSelector("[data-testid=media-pick]")).sendKeys(photo.toString());
            // The image goes into the text at once, and its alt text field takes the focus.
            WebElement shown = b.find("[data-testid=work-text] img");
            String media = shown.getAttribute("src").replaceAll(".*/api/media/", "");
            assertTrue(media.matches("[A-Za-z0-9_-]{22}"), shown.getAttribute("src"));
            assertEquals(Boolean.TRUE, b.js("return window.__progressShown;"), "a progress bar was shown");
            b.until("the alt text field has the focus", d -> ("alt-" + media).equals(b.js(
                    "return document.activeElement && document.activeElement.id;")));
            b.findWithText("[data-testid=work-alt-missing]", "harbour.png");
            assertEquals(List.of(), b.axe(), "axe on a work's page with an image to describe");

            // Asking to publish is refused, naming the image.
            b.click("[data-testid=work-publish-form] button[type=submit]");
            b.findWithText(".error-box", media);
            b.findWithText("[data-testid=work-status]", "Draft");

            // Ben, a co-author, follows the notice's link to the field and gives Ana's image its first description.
            b.useToken(ben.token()).go("/works/" + work);
            b.click("[data-testid=work-alt-missing] a[data-media='" + media + "']");
            b.until("the link focused the field", d -> ("alt-" + media).equals(b.js(
                    "return document.activeElement && document.activeElement.id;")));
            b.findWithText("#alt-" + media + "-hint", "Ana Alt uploaded this image");
            b.find("#alt-" + media).sendKeys("A blue harbour at noon");
            b.click("[data-testid=media-item] [data-testid=media-alt-save]");
            b.waitGone("[data-testid=work-alt-missing]");
            // Described, it is Ana's to change: Ben reads it and is told so.
            b.findWithText("[data-testid=media-alt-not-mine]", "only Ana Alt can change");
            assertEquals("A blue harbour at noon", api.get("/api/media/" + media + "/info").expect(200).object()
                    .getString("alt"));
            b.click("[data-testid=work-publish-form] button[type=submit]");
            b.findWithText("[data-testid=work-pending]", "Ana Alt");

            b.useToken(ana.token()).go("/works/" + work);
            b.click("[data-testid=work-agree]");
            b.findWithText("[data-testid=work-status]", "Published");
            assertEquals("A blue harbour at noon", b.find("[data-testid=work-media] img").getAttribute("alt"));

            // A published work stays publishable: a new image is asked for its alt text first, then added.
            Path quay = Files.copy(photo, dir.resolve("quay.png"));
            b.driver().findElement(By.cssSelector("[data-testid=media-pick]")).sendKeys(quay.toString());
            WebElement asked = b.find("[data-testid=media-alt-prompt] textarea");
            b.until("the prompt has the focus", d -> asked.equals(b.driver().switchTo().activeElement()));
            assertEquals(1, b.all("[data-testid=work-text] img").size(), "not in the work before it is described");
            asked.sendKeys("The quay at dusk");
            b.click("[data-testid=media-alt-prompt] button[type=submit]");
            b.until("the described image is in the work", d -> b.all("[data-testid=work-text] img").size() == 2);
            b.until("readers get the stored description, not the file name", d -> b.all(
                    "[data-testid=work-text] img[alt='The quay at dusk']").size() == 1);
            b.findWithText("[data-testid=work-status]", "Published");

            // In the live editor, a picked image lands at the cursor and asks for its alt text at once.
            Path pier = Files.copy(photo, dir.resolve("pier.png"));
            b.go("/works/" + work + "/edit");
            b.findWithText("[data-testid=editor-content]", "What we saw.");
            b.driver().findElement(By.cssSelector("[data-testid=media-pick]")).sendKeys(pier.toString());
            b.findWithText("[data-testid=editor-content]", "![pier](/api/media/");
            WebElement prompt = b.find("[data-testid=media-alt-prompt] textarea");
            b.until("the prompt has the focus", d -> prompt.equals(b.driver().switchTo().activeElement()));
            prompt.sendKeys("A wooden pier");
            b.click("[data-testid=media-alt-prompt] button[type=submit]");
            b.waitGone("[data-testid=media-alt-prompt]");
            String pierId = b.find("[data-testid=editor-content]").getText().replaceAll("(?s).*!\\[pier]\\(/api/media/",
                    "").substring(0, 22);
            assertEquals("A wooden pier", api.get("/api/media/" + pierId + "/info").expect(200).object()
                    .getString("alt"));
        }
    }
}
