package org.creativecities.app.browser;

import static org.creativecities.app.browser.RoomBrowserIT.MESSAGES;
import static org.creativecities.app.browser.RoomBrowserIT.members;
import static org.creativecities.app.browser.RoomBrowserIT.name;
import static org.creativecities.app.browser.RoomBrowserIT.newRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The room page's layout in a laptop's (1366×768) and a phone's (390×844) window, measured with the DOM's geometry:
 * the composer is in view without scrolling and only the conversation scrolls; the "reconnecting…" banner shows
 * below the sticky site header, in a status region; a watch party's chat sits beside the video on a wide screen and
 * below it, at a fixed height, on a phone; coming back to a room shows a "new messages" divider, and new messages
 * that arrive while one reads further up offer a keyboard-reachable, announced "jump to latest" button.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class RoomPageLayoutIT {

    private static final String COMPOSER = ".room-main .room-composer";
    private static final String LOG = ".room-log";
    private static final String CHAT = "[data-testid=room-chat]";
    private static final String PLUGIN = ".room-plugin";

    /** The browser, with its viewport (not its window) made exactly {@code width}×{@code height} CSS pixels. */
    private static Browser sized(Browser b, int width, int height) {
        try {
            b.driver().manage().window().setSize(new Dimension(width, height));
            b.go("/");
            Map<String, Object> inner = map(b.js("return {w: innerWidth, h: innerHeight};"));
            int dw = width - (int) num(inner, "w");
            int dh = height - (int) num(inner, "h");
            if (dw != 0 || dh != 0) {
                b.driver().manage().window().setSize(new Dimension(width + dw, height + dh));
            }
            Map<String, Object> now = map(b.js("return {w: innerWidth, h: innerHeight};"));
            assertEquals(width, (int) num(now, "w"), "viewport width");
            assertEquals(height, (int) num(now, "h"), "viewport height");
            return b;
        } catch (RuntimeException | AssertionError e) {
            b.close();
            throw e;
        }
    }

    private static Browser laptop(PackagedServer server) {
        return sized(Browser.open(server), 1366, 768);
    }

    private static Browser phone(PackagedServer server) {
        return sized(Browser.phone(server), 390, 844);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertNotNull(value, "the page measured nothing");
        return (Map<String, Object>) value;
    }

    private static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        assertNotNull(v, key + " missing in " + m);
        return ((Number) v).doubleValue();
    }

    /** A new Lyon room, Ana who writes in it and Ben who reads it. */
    private record LyonRoom(long id, TestUser ana, TestUser ben) {

        static LyonRoom create(PackagedServer server, Api api, String name) {
            TestUser admin = TestUser.admin(server);
            TestUser ana = TestUser.register(api, name("Ana"));
            TestUser ben = TestUser.register(api, name("Ben"));
            members(admin, "lyon", ana, ben);
            return new LyonRoom(newRoom(admin, "lyon", name + " " + name("r")), ana, ben);
        }

        /** A new room where Ana has posted {@code count} messages "Message 1." …. */
        static LyonRoom withMessages(PackagedServer server, Api api, String name, int count) {
            LyonRoom r = create(server, api, name);
            try (LiveClient a = r.anaLive()) {
                post(a, r.id(), "Message", count);
            }
            return r;
        }

        /** Opens the room in the browser as Ben, and waits until it shows the message {@code last}. */
        void openAsBen(Browser b, String last) {
            b.useToken(ben.token());
            b.go("/rooms/" + id);
            b.findWithText(MESSAGES, last);
            b.find(COMPOSER);
        }

        /** Ana's live connection, joined to the room. */
        LiveClient anaLive() {
            LiveClient a = LiveClient.open(ana);
            a.send(Rooms.join(id, null, "j")).reply("j");
            return a;
        }
    }

    /** Posts {@code count} messages "{prefix} 1." … as the client's user, and waits until all are acknowledged. */
    private static void post(LiveClient client, long room, String prefix, int count) {
        String last = null;
        for (int i = 1; i <= count; i++) {
            last = prefix.replace(' ', '-') + "-" + i + "-" + System.nanoTime();
            client.send(Rooms.post(room, last, prefix + " " + i + ".\n\nA line of text to give the message some height."));
        }
        client.reply("f-" + last);
    }

    /** Boxes of the page: the site header, the composer, the conversation, the document's scroll sizes. */
    private static Map<String, Object> geometry(Browser b) {
        return map(b.js("""
                const box = (css) => { const e = document.querySelector(css); if (!e) return null;
                  const r = e.getBoundingClientRect();
                  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height}; };
                const log = document.querySelector(arguments[0]);
                const doc = document.scrollingElement;
                return {header: box('.site-header'), composer: box(arguments[1]), log: box(arguments[0]),
                  chat: box(arguments[2]), plugin: box(arguments[3]),
                  logScroll: log.scrollHeight, logClient: log.clientHeight, logTop: log.scrollTop,
                  docScroll: doc.scrollHeight, docClient: doc.clientHeight, scrollY: scrollY, innerHeight: innerHeight};
                """, LOG, COMPOSER, CHAT, PLUGIN));
    }

    private static Map<String, Object> box(Map<String, Object> g, String key) {
        return map(g.get(key));
    }

    /** The composer is whole in the window, below the sticky header, and the page itself cannot scroll. */
    private static void composerInViewWithoutScrolling(Browser b, String where) {
        Map<String, Object> g = geometry(b);
        String seen = where + ": " + g;
        assertTrue(num(g, "docScroll") <= num(g, "docClient") + 1, "the page does not scroll, " + seen);
        assertTrue(num(box(g, "composer"), "top") >= num(box(g, "header"), "bottom") - 1, "composer below header, " + seen);
        assertTrue(num(box(g, "composer"), "bottom") <= num(g, "innerHeight") + 0.5, "composer in the window, " + seen);
        assertTrue(num(g, "logScroll") > num(g, "logClient") + 50, "the conversation scrolls, " + seen);
    }

    /** On the room page, in view of the composer, the connection drops: where the "reconnecting…" banner shows. */
    private static void reconnectingBannerBelowTheHeaderInAStatusRegion(Browser b) {
        // The status region is there before anything is said, so that what appears in it is announced.
        assertEquals(1, b.all("[data-testid=connection-status][role=status]").size(), "a live region in place");

        // The connection drops: the banner is measured as soon as it shows (the client reconnects quickly).
        Map<String, Object> seen = map(((org.openqa.selenium.JavascriptExecutor) b.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/ui/core/live.js').then(({ live }) => {
                  live().socket.close(4000, 'test: connection lost');
                  const start = performance.now();
                  const look = () => {
                    const banner = document.querySelector('[data-testid=reconnecting]');
                    if (!banner) {
                      if (performance.now() - start > 10000) done({ missing: true }); else setTimeout(look, 5);
                      return;
                    }
                    const r = banner.getBoundingClientRect();
                    const h = document.querySelector('.site-header').getBoundingClientRect();
                    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                    const region = banner.closest('[role=status],[role=alert]');
                    done({ top: r.top, bottom: r.bottom, height: r.height, headerBottom: h.bottom,
                      innerHeight: innerHeight, covered: !banner.contains(hit),
                      region: region && region !== banner ? region.getAttribute('data-testid') : 'none',
                      text: banner.textContent });
                  };
                  look();
                }).catch((e) => done({ error: String(e) }));
                """));
        assertTrue(seen.get("missing") == null && seen.get("error") == null, seen.toString());
        assertTrue(num(seen, "height") > 0, seen.toString());
        assertTrue(num(seen, "top") >= num(seen, "headerBottom") - 1, "below the sticky header: " + seen);
        assertTrue(num(seen, "bottom") <= num(seen, "innerHeight"), "in the window: " + seen);
        assertEquals(false, seen.get("covered"), "nothing covers the banner: " + seen);
        assertEquals("connection-status", seen.get("region"), "inside the lasting status region: " + seen);
        assertTrue(String.valueOf(seen.get("text")).contains("reconnecting"), seen.toString());

        // Back online: the banner goes, and the composer is still in view.
        b.waitGone("[data-testid=reconnecting]");
        composerInViewWithoutScrolling(b, "phone, reconnected");
    }

    @Test
    void theComposerStaysInViewOnALaptopAndAPhoneAndTheReconnectingBannerShowsBelowTheHeader(PackagedServer server, Api api) {
        LyonRoom r = LyonRoom.withMessages(server, api, "Layout", 14);
        for (String where : List.of("laptop", "phone")) {
            try (Browser b = where.equals("laptop") ? laptop(server) : phone(server)) {
                r.openAsBen(b, "Message 14.");
                composerInViewWithoutScrolling(b, where);
                Map<String, Object> g = geometry(b);
                assertTrue(num(g, "logScroll") - num(g, "logTop") - num(g, "logClient") < 2,
                        "the conversation opens at its newest message, " + g);
                // Tapping the composer (the browser brings it into view) moves nothing.
                b.click(COMPOSER + " [data-testid=composer]");
                composerInViewWithoutScrolling(b, where + " after focusing the composer");
                assertEquals(0.0, num(geometry(b), "scrollY"), where);
                b.screenshot("room-layout-" + where);
                if (where.equals("phone")) {
                    reconnectingBannerBelowTheHeaderInAStatusRegion(b);
                }
            }
        }
    }

    @Test
    void aWatchPartysChatIsBesideTheVideoOnALaptopAndBelowItAtAFixedHeightOnAPhone(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser wes = TestUser.register(api, name("Wes"));
        members(admin, "gdynia", wes);
        long space = admin.get("/api/spaces?city=gdynia").expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("slug").equals("city-gdynia")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        long room = admin.post("/api/spaces/" + space + "/rooms", Api.json("name", "Party " + name("p"), "kind",
                "watch-party", "attributes", Api.json("durationMs", 60_000))).expect(201).object()
                .getJsonNumber("id").longValue();
        try (LiveClient w = LiveClient.open(wes)) {
            w.send(Rooms.join(room, null, "j")).reply("j");
            post(w, room, "Chat", 10);
        }
        try (Browser b = laptop(server)) {
            b.useToken(wes.token());
            b.go("/rooms/" + room);
            b.find("[data-testid=film-party]");
            b.findWithText(MESSAGES, "Chat 10.");
            Map<String, Object> g = geometry(b);
            Map<String, Object> chat = box(g, "chat");
            Map<String, Object> plugin = box(g, "plugin");
            assertTrue(num(chat, "left") >= num(plugin, "right") - 1, "the chat is right of the video: " + g);
            assertTrue(num(chat, "top") < num(plugin, "bottom") && num(plugin, "top") < num(chat, "bottom"),
                    "side by side: " + g);
            composerInViewWithoutScrolling(b, "laptop watch party");
            b.screenshot("room-layout-watch-party-laptop");
        }
        try (Browser b = phone(server)) {
            b.useToken(wes.token());
            b.go("/rooms/" + room);
            b.find("[data-testid=film-party]");
            b.findWithText(MESSAGES, "Chat 10.");
            b.js("document.querySelector(arguments[0]).scrollIntoView({block: 'end'});", CHAT);
            Map<String, Object> g = geometry(b);
            Map<String, Object> chat = box(g, "chat");
            Map<String, Object> plugin = box(g, "plugin");
            Map<String, Object> header = box(g, "header");
            String seen = g.toString();
            assertTrue(num(chat, "top") >= num(plugin, "bottom") - 1, "the chat is below the video: " + seen);
            assertTrue(num(chat, "height") >= 250, "a usable chat: " + seen);
            assertTrue(num(chat, "height") <= num(g, "innerHeight") - num(header, "height"),
                    "the whole chat fits the window under the header: " + seen);
            assertTrue(num(g, "logScroll") > num(g, "logClient") + 50,
                    "the chat keeps its height, its conversation scrolls: " + seen);
            assertTrue(num(chat, "top") >= num(header, "bottom") - 1, "scrolled to, the chat is below the header: " + seen);
            assertTrue(num(box(g, "composer"), "bottom") <= Math.min(num(chat, "bottom"), num(g, "innerHeight")) + 1,
                    "the composer is in the chat and in the window: " + seen);
            b.screenshot("room-layout-watch-party-phone");
        }
    }

    @Test
    void comingBackShowsANewMessagesDividerAndNewArrivalsOfferAJumpToLatest(PackagedServer server, Api api) {
        LyonRoom r = LyonRoom.create(server, api, "Unread");
        long room = r.id();
        try (LiveClient a = r.anaLive(); Browser b = laptop(server)) {
            post(a, room, "Before", 5);
            r.openAsBen(b, "Before 5.");
            assertTrue(b.all("[data-testid=unread-divider]").isEmpty(), "nothing is new on a first visit");

            // Ben leaves; Ana writes on; Ben comes back: the divider is just before her first new message, in view.
            b.go("/cities/lyon");
            post(a, room, "After", 10);
            b.go("/rooms/" + room);
            b.findWithText(MESSAGES, "After 10.");
            b.find("[data-testid=unread-divider]");
            Map<String, Object> d = map(b.js("""
                    const divider = document.querySelector('[data-testid=unread-divider]');
                    const log = document.querySelector(arguments[0]);
                    const r = divider.getBoundingClientRect(), l = log.getBoundingClientRect();
                    return {next: divider.nextElementSibling.textContent, previous: divider.previousElementSibling.textContent,
                      top: r.top, bottom: r.bottom, logTop: l.top, logBottom: l.bottom, count:
                      document.querySelectorAll('[data-testid=unread-divider]').length};
                    """, LOG));
            assertEquals(1.0, num(d, "count"), d.toString());
            assertTrue(String.valueOf(d.get("next")).contains("After 1."), "before the first new message: " + d);
            assertTrue(String.valueOf(d.get("previous")).contains("Before 5."), "after the last one seen: " + d);
            assertTrue(num(d, "top") >= num(d, "logTop") && num(d, "bottom") <= num(d, "logBottom"),
                    "the divider is in the conversation's view: " + d);

            // Reading further up, a new message arrives: an announced button offers to jump to it.
            b.js("const log = document.querySelector(arguments[0]); log.scrollTop = 0;"
                    + "log.dispatchEvent(new Event('scroll'));", LOG);
            post(a, room, "Latest news", 1);
            b.findWithText("[data-testid=jump-latest]", "1 new message");
            assertEquals("jump-status", b.js("return document.querySelector('[data-testid=jump-latest]')"
                    + ".closest('[role=status]')?.getAttribute('data-testid') ?? null;"), "announced in a status region");
            assertEquals(List.of(), b.axe(), "accessibility of the room page");
            b.screenshot("room-layout-unread");

            // Keyboard: from the conversation, Shift+Tab reaches the button; Enter jumps to the newest message.
            b.js("document.querySelector(arguments[0]).focus();", LOG);
            new Actions(b.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            assertEquals("jump-latest", b.js("return document.activeElement.getAttribute('data-testid');"));
            new Actions(b.driver()).sendKeys(Keys.ENTER).perform();
            b.waitGone("[data-testid=jump-latest]");
            b.until("the conversation is at its newest message", dr -> (Boolean) b.js(
                    "const log = document.querySelector(arguments[0]);"
                            + "return log.scrollHeight - log.scrollTop - log.clientHeight < 2"
                            + " && document.activeElement === log;", LOG));
        }
    }
}
