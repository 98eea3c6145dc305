package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.creativecities.app.browser.Browser;
import org.creativecities.app.browser.BrowserLane;
import org.creativecities.app.browser.BrowserServer;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;

/**
 * The stored-XSS corpus in a real browser: messages (delivered live and loaded from history), the composer's
 * preview, a bio, a city description and room names, each holding the payloads, are shown and none of them runs:
 * window.__xss stays undefined, no alert opens, and the message bodies hold only allowlisted elements.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class RenderXssBrowserIT {

    private static final List<String> PAYLOADS = RenderXss.payloads();
    private static final String MESSAGES = ".room-log article[data-testid=message]";
    private static final String COMPOSER = ".room-main [data-testid=composer]";

    @Test
    void noPayloadRunsWhereverUserTextIsShown(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        TestUser ana = TestUser.register(server.api(), "Ana Inert");
        long room = RenderFixtures.generalRoomWithMembers(admin, "tbilisi", ana);
        ana.patch("/api/people/" + ana.id(), Api.json("bio", upTo(4000))).expect(200);
        admin.patch("/api/cities/tbilisi", Api.json("description", upTo(4000))).expect(200);
        long space = admin.get("/api/rooms/" + room).expect(200).object().getJsonNumber("space").longValue();
        List<Long> named = new ArrayList<>();
        for (String p : PAYLOADS.subList(0, 6)) {
            named.add(admin.post("/api/spaces/" + space + "/rooms", Api.json("name", p)).expect(201).object()
                    .getJsonNumber("id").longValue());
        }
        try (LiveClient a = LiveClient.open(ana)) {
            a.send(Rooms.join(room, null, "j")).reply("j");
            for (int i = 0; i < PAYLOADS.size(); i++) {
                a.send(Rooms.post(room, "p" + i, PAYLOADS.get(i))).reply("f-p" + i);
            }
        }
        try (Browser b = Browser.open(server)) {
            b.useToken(ana.token());
            b.go("/people/" + ana.id());
            b.findWithText(".acct-bio", "<script>window.__xss=1</script>");
            inert(b);
            b.go("/cities/tbilisi");
            b.findWithText(".net-description", "<svg onload=");
            inert(b);
            for (long id : named) {
                b.go("/rooms/" + id);
                b.find(COMPOSER);
                inert(b);
            }
            b.go("/rooms/" + room);
            b.findWithText(MESSAGES, "<script>window.__xss=1</script>");
            b.findWithText(MESSAGES, "onerror");
            assertEquals(List.of(), b.js("return [...document.querySelectorAll("
                    + "'.room-log [data-testid=message-body] *')].filter(e => !['P', 'BR', 'STRONG', 'EM', 'CODE',"
                    + " 'PRE', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'A', 'DIV'].includes(e.tagName.toUpperCase())"
                    + " || [...e.attributes].some(at => at.name.startsWith('on')"
                    + " || /^\\s*(javascript|data|vbscript):/i.test(at.value))).map(e => e.tagName)"));
            inert(b);
            b.click(".room-main .room-composer-bar button[aria-pressed]");
            for (String p : PAYLOADS.subList(0, 12)) {
                b.find(COMPOSER).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
                b.find(COMPOSER).sendKeys(p);
                b.until("the preview shows the text", d -> !b.find("[data-testid=preview]").getText().isBlank());
                inert(b);
            }
        }
    }

    /** The payloads, one per line, as many as fit in {@code max} characters. */
    private static String upTo(int max) {
        StringBuilder s = new StringBuilder();
        for (String p : PAYLOADS) {
            if (s.length() + p.length() + 1 > max) {
                break;
            }
            s.append(p).append('\n');
        }
        return s.toString().strip();
    }

    private static void inert(Browser b) {
        assertThrows(NoAlertPresentException.class, () -> b.driver().switchTo().alert());
        assertNull(b.js("return window.__xss"), "a payload ran on " + b.path());
    }
}
