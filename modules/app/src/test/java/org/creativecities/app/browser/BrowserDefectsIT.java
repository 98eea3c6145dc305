package org.creativecities.app.browser;

import static org.creativecities.app.browser.RoomBrowserIT.members;
import static org.creativecities.app.browser.RoomBrowserIT.message;
import static org.creativecities.app.browser.RoomBrowserIT.name;
import static org.creativecities.app.browser.RoomBrowserIT.newRoom;
import static org.creativecities.app.browser.RoomBrowserIT.openRoom;
import static org.creativecities.app.browser.RoomBrowserIT.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The defects of issue 17 that a member and a coordinator stumbled on, each in a real browser: mentions of names
 * with spaces, room settings pushed to the composer, lifting and extending mutes and bans, the bio's Markdown, and
 * plugin settings labelled from the plugin's bundles.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class BrowserDefectsIT {

    private static final String COMPOSER = ".room-main [data-testid=composer]";

    @Test
    void aMentionOfANameWithSpacesShowsThePersonsCurrentNameLinkedToTheirProfile(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        TestUser ana = TestUser.register(server.api(), "Ana Lima " + name("x"));
        TestUser ben = TestUser.register(server.api(), name("Ben"));
        members(admin, "lyon", ana, ben);
        long room = newRoom(admin, "lyon", "Mentions with spaces");
        try (LiveClient anaLive = LiveClient.open(ana); Browser b = openRoom(server, ben, room)) {
            anaLive.send(Rooms.join(room, null, "j")).reply("j");
            b.findWithText("[data-testid=online]", ana.name());

            // The suggestion inserts a form the server reads back as Ana, whatever her name's spaces.
            WebElement composer = b.find(COMPOSER);
            composer.sendKeys("Thanks @Ana L");
            b.findWithText("[data-testid=mention-list] li", ana.name());
            composer.sendKeys(Keys.ENTER);
            composer.sendKeys("see you", Keys.ENTER);
            anaLive.await(f -> f.getString("type").equals("mention"));

            // Shown as her name, linked to her profile; never as @[id].
            WebElement link = message(b, "see you").findElement(By.cssSelector("a[data-mention]"));
            assertEquals("@" + ana.name(), link.getText());
            assertTrue(link.getAttribute("href").endsWith("/people/" + ana.id()), link.getAttribute("href"));
            assertFalse(message(b, "see you").getText().contains("@["), message(b, "see you").getText());

            // After a rename, the same message shows the new name.
            String renamed = "Ana Souza " + name("y");
            ana.patch("/api/people/" + ana.id(), Api.json("displayName", renamed)).expect(200);
            b.go("/rooms/" + room);
            b.findWithText(".room-log a[data-mention]", "@" + renamed);
            b.find(".room-log a[data-mention]").click();
            b.until("Ana's profile", d -> b.path().equals("/people/" + ana.id()));
            b.findWithText("main h1", renamed);
        }
    }

    @Test
    void lockUnlockAndSlowModeReachTheComposerWithoutAReload(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        TestUser ana = TestUser.register(server.api(), name("Ana"));
        members(admin, "lyon", ana);
        long room = newRoom(admin, "lyon", "Pushed settings");
        try (Browser a = openRoom(server, ana, room)) {
            admin.patch("/api/rooms/" + room, Api.json("locked", true)).expect(200);
            a.find("[data-testid=locked-notice]");
            a.find("[data-testid=locked-badge]");
            a.until("the composer is disabled", d -> !a.find(COMPOSER).isEnabled());
            assertFalse(a.find(".room-main [data-testid=send]").isEnabled());
            String describedBy = a.find(COMPOSER).getAttribute("aria-describedby");
            assertTrue(describedBy.contains("room-locked-notice"), describedBy);
            assertEquals(List.of(), a.axe());

            admin.patch("/api/rooms/" + room, Api.json("locked", false, "slowModeSeconds", 30)).expect(200);
            a.waitGone("[data-testid=locked-notice]");
            a.until("the composer is enabled", d -> a.find(COMPOSER).isEnabled());
            a.findWithText("[data-testid=slow-notice]", "30");
            say(a, "first of many");
            message(a, "first of many");
            a.findWithText(".room-main [data-testid=send]", "Wait");
            a.until("the composer waits", d -> !a.find(COMPOSER).isEnabled());

            admin.patch("/api/rooms/" + room, Api.json("slowModeSeconds", 0)).expect(200);
            a.waitGone("[data-testid=slow-notice]");
            a.until("the countdown ends with slow mode", d -> a.find(COMPOSER).isEnabled());
            say(a, "second at once");
            message(a, "second at once");
        }
    }

    @Test
    void moderatorsSeeLiftAndExtendMutesAndBansOfARoomAndOfItsSpace(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        TestUser ana = TestUser.register(server.api(), name("Ana"));
        TestUser ben = TestUser.register(server.api(), name("Ben"));
        members(admin, "lyon", ana, ben);
        long room = newRoom(admin, "lyon", "Sanctions");
        String moderation = "/api/rooms/" + room + "/moderation";
        admin.post(moderation, Api.json("action", "mute", "accountId", ana.id(), "minutes", 10)).expect(204);
        admin.post(moderation, Api.json("action", "ban", "accountId", ben.id(), "wholeSpace", true)).expect(204);
        try (Browser mod = openRoom(server, admin, room)) {
            mod.find(".room-settings summary").click();
            String panel = "[data-testid=moderation-panel]";
            // Read through waits, which look again if the list re-rendered under the reader.
            String muted = mod.until("Ana's mute", d -> mod.findWithText(panel + " [data-testid=sanction]",
                    ana.name()).getText());
            assertTrue(muted.contains("Muted"), muted);
            assertTrue(muted.contains(admin.name()), muted);
            String until = mod.until("the end of Ana's mute", d -> mod.findWithText(panel + " [data-testid=sanction]",
                    ana.name()).findElement(By.cssSelector("[data-testid=sanction-until]")).getText());
            String banned = mod.until("Ben's ban", d -> mod.findWithText(panel + " [data-testid=sanction]",
                    ben.name()).getText());
            assertTrue(banned.contains("Whole space"), banned);
            assertTrue(banned.contains("Until lifted"), banned);
            assertEquals(List.of(), mod.axe());

            // Extend Ana's mute by a day: the end moves.
            mod.findWithText(panel + " [data-testid=sanction]", ana.name())
                    .findElement(By.cssSelector("[data-testid=sanction-extend]")).click();
            mod.until("a later end", d -> !mod.findWithText(panel + " [data-testid=sanction]", ana.name())
                    .findElement(By.cssSelector("[data-testid=sanction-until]")).getText().equals(until));

            // Lift it: gone from the list, and Ana posts again.
            mod.findWithText(panel + " [data-testid=sanction]", ana.name())
                    .findElement(By.cssSelector("[data-testid=sanction-lift]")).click();
            mod.until("Ana's mute is gone", d -> mod.all(panel + " [data-testid=sanction]").stream()
                    .noneMatch(e -> e.getText().contains(ana.name())));
            try (LiveClient a = LiveClient.open(ana)) {
                a.send(Rooms.join(room, null, "j")).reply("j");
                assertEquals("ack", a.send(Rooms.post(room, "p1", "free again")).reply("f-p1").getString("type"));
            }

            // The whole space's view lists Ben's ban too; lifting it lets him read the room again.
            mod.click(panel + " [data-testid=moderation-scope-space]");
            mod.findWithText(panel + " [data-testid=sanction]", ben.name())
                    .findElement(By.cssSelector("[data-testid=sanction-lift]")).click();
            mod.until("Ben's ban is gone", d -> mod.all(panel + " [data-testid=sanction]").stream()
                    .noneMatch(e -> e.getText().contains(ben.name())));
            ben.get("/api/rooms/" + room).expect(200);
        }
    }

    @Test
    void theBioIsRenderedAsMarkdownAndAScriptInItStaysInert(PackagedServer server) {
        TestUser ana = TestUser.register(server.api(), name("Ana"));
        ana.patch("/api/people/" + ana.id(), Api.json("bio", "I make **murals** in *Lyon*.\n\n"
                + "- [my site](https://example.org)\n- [bad](javascript:window.__bio=1)\n\n"
                + "<img src=x onerror=\"window.__bio=2\"><script>window.__bio=3</script>")).expect(200);
        try (Browser b = Browser.open(server)) {
            b.go("/people/" + ana.id());
            assertEquals("murals", b.find(".acct-bio strong").getText());
            assertEquals("Lyon", b.find(".acct-bio em").getText());
            assertEquals(2, b.all(".acct-bio li").size());
            assertEquals("https://example.org/", b.find(".acct-bio li a").getAttribute("href"));
            assertFalse(b.find(".acct-bio").getText().contains("**"), b.find(".acct-bio").getText());
            assertTrue(b.all(".acct-bio img, .acct-bio script").isEmpty());
            assertTrue(b.all(".acct-bio a").stream().noneMatch(a -> String.valueOf(a.getAttribute("href"))
                    .startsWith("javascript")));
            assertNull(b.js("return window.__bio;"));
            assertEquals(List.of(), b.axe());
        }
    }

    @Test
    void pluginSettingsAreLabelledFromTheBundlesInEnglishAndFrench(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        String music = "[data-testid=admin-plugin-music]";
        String[][] expected = {
                {"en", "Longest track (seconds)", "Hosts whose links may be queued"},
                {"fr", "Morceau le plus long (secondes)", "Sites dont les liens peuvent être ajoutés"}};
        try (Browser b = Browser.open(server).useToken(admin.token())) {
            for (String[] language : expected) {
                // The language the person chose (as the header's switch stores it), then a fresh page.
                b.js("localStorage.setItem('ccc.locale', arguments[0]);", language[0]);
                b.go("/admin/plugins");
                b.click(music + " [data-testid=admin-plugin-settings-toggle]");
                b.findWithText(music + " [data-testid=admin-setting-label-max-track-seconds]", language[1]);
                b.findWithText(music + " [data-testid=admin-setting-label-allowed-hosts]", language[2]);
                String form = b.find(music + " [data-testid=admin-settings]").getText();
                for (String key : List.of("max-track-seconds", "allowed-hosts", "max-queue")) {
                    assertFalse(form.contains(key), language[0] + ": " + form);
                }
            }
        }
    }
}
