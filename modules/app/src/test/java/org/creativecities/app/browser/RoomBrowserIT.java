package org.creativecities.app.browser;

import jakarta.json.JsonObject;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.plugins.PluginAdmin;
import org.creativecities.app.plugins.PluginJars;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live rooms in real browsers: two people chat in real time (presence, typing, reactions, threads, mentions, edits
 * and deletions), history loads as you scroll up, an XSS payload stays inert, moderators mute, lock and kick, and
 * a server restart leaves no gap and no duplicate.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class RoomBrowserIT {

    private static final String LOG = ".room-log";
    static final String MESSAGES = ".room-log article[data-testid=message]";
    private static final String COMPOSER = ".room-main [data-testid=composer]";

    /** A unique one-word display name, so that "@Name" mentions exactly this person. */
    static String name(String base) {
        return base + ThreadLocalRandom.current().nextInt(10000, 99999);
    }

    /** Makes each person an active member of the city (asking to join; the administrator approves if needed). */
    static void members(TestUser admin, String city, TestUser... people) {
        for (TestUser p : people) {
            Api.Response joined = p.post("/api/cities/" + city + "/members", null).expect(201, 202);
            if (joined.status() == 202) {
                admin.post("/api/cities/" + city + "/requests/" + p.id() + "/approve", null).expect(200);
            }
        }
    }

    /** A new discussion room in the city's community space. */
    static long newRoom(TestUser admin, String city, String name) {
        long space = admin.get("/api/spaces?city=" + city).expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("slug").equals("city-" + city)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        return admin.post("/api/spaces/" + space + "/rooms", Api.json("name", name)).expect(201).object()
                .getJsonNumber("id").longValue();
    }

    static Browser openRoom(PackagedServer server, TestUser user, long room) {
        Browser b = Browser.open(server);
        b.useToken(user.token());
        b.go("/rooms/" + room);
        b.find(COMPOSER);
        return b;
    }

    static void say(Browser b, String text) {
        b.find(COMPOSER).sendKeys(text, Keys.ENTER);
    }

    static WebElement message(Browser b, String text) {
        return b.findWithText(MESSAGES, text);
    }

    private static void sees(Browser b, String user) {
        b.findWithText("[data-testid=online]", user);
    }

    @Test
    void twoPeopleChatInRealTime(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        TestUser ana = TestUser.register(server.api(), name("Ana"));
        TestUser ben = TestUser.register(server.api(), name("Ben"));
        members(admin, "lyon", ana, ben);
        long room = newRoom(admin, "lyon", "Festival of Lights");
        try (Browser a = openRoom(server, ana, room); Browser b = openRoom(server, ben, room)) {
            System.out.println("[RoomBrowserIT] room page first render: " + a.firstRenderMillis() + " ms");
            // Presence: each sees the other online.
            sees(a, ben.name());
            sees(b, ana.name());

            // Typing indicator, then a message that appears in the other browser without a reload.
            b.find(COMPOSER).sendKeys("Hello **Lyon**");
            a.findWithText("[data-testid=typing]", ben.name() + " is typing");
            b.find(COMPOSER).sendKeys(Keys.ENTER);
            WebElement hello = message(a, "Hello Lyon");
            assertEquals("Lyon", hello.findElement(By.cssSelector("[data-testid=message-body] strong")).getText());
            a.until("the typing indicator clears", d -> a.find("[data-testid=typing]").getText().isEmpty());

            // Reactions: Ana reacts, Ben sees the count and who.
            message(a, "Hello Lyon").findElement(By.cssSelector("[data-testid=react]")).click();
            a.click(".room-emoji-picker button[data-emoji='🎉']");
            WebElement reaction = b.until("Ben sees Ana's reaction", d -> {
                List<WebElement> found = message(b, "Hello Lyon").findElements(By.cssSelector("[data-testid=reaction]"));
                return found.isEmpty() ? null : found.get(0);
            });
            assertTrue(reaction.getText().contains("1"), reaction.getText());
            assertTrue(reaction.getAttribute("title").contains(ana.name()));

            // A reply in a thread: Ben replies, Ana sees "1 reply" and the reply in the thread panel.
            message(b, "Hello Lyon").findElement(By.cssSelector("[data-testid=reply]")).click();
            b.find(".room-thread [data-testid=composer]").sendKeys("Welcome to the thread", Keys.ENTER);
            message(a, "Hello Lyon").findElement(By.cssSelector("[data-testid=replies]"));
            a.until("Ana sees the reply count", d -> message(a, "Hello Lyon")
                    .findElements(By.cssSelector("[data-testid=replies]")).stream()
                    .anyMatch(e -> e.getText().contains("1 reply")));
            message(a, "Hello Lyon").findElement(By.cssSelector("[data-testid=replies]")).click();
            a.findWithText(".room-thread", "Welcome to the thread");

            // A mention picked from the autocomplete: Ben's header bell (the one live counter) shows 1.
            WebElement composer = a.find(COMPOSER);
            // Other tests' people share the city, so a short prefix may list several: typing on narrows the list
            // until Ben is the highlighted option (Enter picks the highlighted one, whatever else is listed).
            composer.sendKeys("Thanks @" + ben.name().substring(0, 4));
            a.find("[data-testid=mention-list] li");
            composer.sendKeys(ben.name().substring(4));
            a.findWithText("[data-testid=mention-list] li[aria-selected=true]", ben.name());
            composer.sendKeys(Keys.ENTER);
            assertTrue(composer.getAttribute("value").contains("@[" + ben.id() + "] "), composer.getAttribute("value"));
            composer.sendKeys("see you tonight", Keys.ENTER);
            message(b, "see you tonight");
            b.findWithText("[data-testid=notification-count]", "1");
            assertTrue(b.all("ccc-mentions-badge").isEmpty(), "one live counter in the header: the bell");
            a.find(".room-thread"); // the thread stays open in Ana's browser

            // Ana edits her own message; Ben sees the new text and "(edited)".
            say(a, "Meet at 8");
            message(a, "Meet at 8").findElement(By.cssSelector("[data-testid=edit]")).click();
            WebElement editor = a.find("[data-testid=edit-text]");
            editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            editor.sendKeys("Meet at 9 instead", Keys.ENTER);
            WebElement edited = message(b, "Meet at 9 instead");
            b.until("Ben sees (edited)", d -> !message(b, "Meet at 9 instead")
                    .findElements(By.cssSelector("[data-testid=edited]")).isEmpty());
            assertFalse(edited.getText().contains("Meet at 8"));
            // Ben cannot edit or delete Ana's message.
            assertTrue(message(b, "Meet at 9 instead").findElements(By.cssSelector("[data-testid=edit]")).isEmpty());
            assertTrue(message(b, "Meet at 9 instead").findElements(By.cssSelector("[data-testid=delete]")).isEmpty());

            // Ana deletes it, after confirming; Ben sees it deleted.
            message(a, "Meet at 9 instead").findElement(By.cssSelector("[data-testid=delete]")).click();
            a.click("[data-testid=confirm-dialog] [data-testid=confirm]");
            b.until("Ben sees the deletion", d -> b.all(MESSAGES).stream()
                    .noneMatch(e -> e.getText().contains("Meet at 9 instead")));
            b.findWithText(".room-log [data-testid=deleted]", "deleted");

            a.documentScreenshot("room");
            assertEquals(List.of(), a.axe());
            // The bell leads to the notification centre: the mention is there; marked read, the count goes away.
            b.click("[data-testid=notification-bell]");
            b.until("the notification centre", d -> b.path().equals("/notifications"));
            b.findWithText("[data-testid=notification][data-kind=mention]", ana.name() + " mentioned you");
            b.click("[data-testid=notification] [data-testid=mark-read]");
            b.waitGone("[data-testid=notification-count]");
            // The mentions page is still reachable from there; it lists the mention and marks it read.
            b.click("[data-testid=mentions-link]");
            b.until("the mentions page", d -> b.path().equals("/mentions"));
            b.findWithText("main h1", "Mentions");
            b.findWithText("[data-testid=mention]", ana.name());
            b.click("[data-testid=mark-read]");
            b.until("the mention is read", d -> b.all("[data-testid=mention].unread").isEmpty());
            b.screenshot("mentions");
            assertEquals(List.of(), b.axe());
        }
    }

    @Test
    void anXssPayloadStaysInert(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        TestUser ana = TestUser.register(server.api(), name("Ana"));
        TestUser ben = TestUser.register(server.api(), name("Ben"));
        members(admin, "bologna", ana, ben);
        long room = newRoom(admin, "bologna", "Safety");
        String[] payloads = {
            "<script>window.__xss=1</script>",
            "<img src=x onerror=\"window.__xss=1\">",
            "[click](javascript:window.__xss=1)",
            "<a href=\"javascript:window.__xss=1\">link</a>",
            "<svg onload=\"window.__xss=1\"></svg> [ok](https://example.org/\"onmouseover=\"window.__xss=1)",
        };
        try (Browser a = openRoom(server, ana, room); Browser b = openRoom(server, ben, room)) {
            for (String p : payloads) {
                say(a, p);
            }
            b.findWithText(MESSAGES, "<script>window.__xss=1</script>");
            b.findWithText(MESSAGES, "onerror");
            b.findWithText(MESSAGES, "<svg");
            // Click every link the messages rendered, and hover them.
            for (Browser x : List.of(a, b)) {
                for (WebElement link : x.all(".room-log [data-testid=message-body] a")) {
                    String href = link.getAttribute("href");
                    assertTrue(href.startsWith("http") || href.startsWith("mailto:"), href);
                }
                x.js("document.querySelectorAll('.room-log [data-testid=message-body] a').forEach(l => {"
                        + "l.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));"
                        + "l.addEventListener('click', e => { if (/^(https?|mailto):/.test(l.href)) e.preventDefault(); });"
                        + "l.click(); });");
                Object bad = x.js("return [...document.querySelectorAll('.room-log [data-testid=message-body] *')]"
                        + ".filter(e => ['SCRIPT','IMG','SVG','IFRAME'].includes(e.tagName.toUpperCase())"
                        + " || [...e.attributes].some(at => at.name.startsWith('on')"
                        + " || /^\\s*javascript:/i.test(at.value))).map(e => e.outerHTML)");
                assertEquals(List.of(), bad);
                assertNull(x.js("return window.__xss"));
            }
        }
    }

    @Test
    void historyLoadsAsYouScrollUp(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        TestUser ana = TestUser.register(server.api(), name("Ana"));
        TestUser seeder = TestUser.register(server.api(), name("Sam"));
        members(admin, "kobe", ana, seeder);
        long room = newRoom(admin, "kobe", "Archive");
        int total = 110;
        List<String> seeds = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            seeds.add(String.format("seed %03d", i));
        }
        postOverTheSocket(seeder, room, seeds);
        try (Browser a = openRoom(server, ana, room)) {
            message(a, "seed 110");
            assertTrue(a.all(MESSAGES).size() < total, "only the latest page at first");
            a.until("the oldest message after scrolling up", d -> {
                a.js("const l = document.querySelector('.room-log'); l.scrollTop = 0;"
                        + "l.dispatchEvent(new Event('scroll'));");
                return a.all(MESSAGES).stream().anyMatch(e -> e.getText().contains("seed 001")) ? true : null;
            });
            List<String> texts = texts(a);
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= total; i++) {
                expected.add(String.format("seed %03d", i));
            }
            assertEquals(expected, texts);
            a.findWithText(".room-start", "start of the room");
        }
    }

    @Test
    void moderatorsMuteLockAndKick(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        TestUser ana = TestUser.register(server.api(), name("Ana"));
        members(admin, "lyon", ana);
        long room = newRoom(admin, "lyon", "Moderated");
        try (Browser mod = openRoom(server, admin, room); Browser a = openRoom(server, ana, room)) {
            say(a, "Hello moderators");
            message(mod, "Hello moderators").findElement(By.cssSelector("[data-testid=mod-mute]")).click();
            mod.find("[data-testid=confirm-dialog]");
            assertEquals(List.of(), mod.axe());
            mod.click("[data-testid=confirm-dialog] [data-testid=confirm]");
            mod.findWithText(".toast", "muted");
            say(a, "Am I muted?");
            a.findWithText("[data-testid=post-error]", "muted");
            admin.post("/api/rooms/" + room + "/moderation", Api.json("action", "unmute", "accountId", ana.id()))
                    .expect(204);

            // Lock: Ana's page shows the room as locked at once, and her composer is disabled.
            mod.find(".room-settings summary").click();
            mod.click("[data-testid=lock-toggle]");
            mod.find("[data-testid=locked-badge]");
            a.find("[data-testid=locked-notice]");
            a.find("[data-testid=locked-badge]");
            a.until("Ana's composer is disabled", d -> !a.find(COMPOSER).isEnabled());
            mod.click("[data-testid=lock-toggle]");
            mod.waitGone("[data-testid=locked-badge]");

            // Kick: Ana is told at once and may join again.
            message(mod, "Hello moderators").findElement(By.cssSelector("[data-testid=mod-kick]")).click();
            mod.click("[data-testid=confirm-dialog] [data-testid=confirm]");
            a.findWithText("[data-testid=removed]", "removed you");
            a.screenshot("room-kicked");
        }
    }

    /** The plain texts of the messages shown in the room's log, in order. */
    static List<String> texts(Browser b) {
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) b.js("return [...document.querySelectorAll('" + MESSAGES
                + " [data-testid=message-body]')].map(e => e.textContent.trim())");
        return texts;
    }

    static void longWait(Browser b, String what, Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(90), Duration.ofMillis(100)).withMessage(what)
                .until(condition);
    }

    /**
     * The room channel's requests always settle (issue 15): a kind's action that changes nothing gets no frame, so
     * {@code channel.plugin.send} resolves empty once no refusal came in time; a frame the server never answers
     * (typing) rejects with a "timeout" error after the request's time-out; releasing the channel rejects what
     * still waits with a "closed" error. Each error carries a sentence for people.
     */
    @Test
    void aRoomChannelsRequestsSettleWithoutAnAnswerAndWhenTheChannelCloses(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        TestUser host = TestUser.register(server.api(), name("Host"));
        members(admin, "lyon", host);
        admin.put("/api/cities/lyon/members/" + host.id() + "/role", Api.json("role", "COORDINATOR")).expect(200);
        long space = host.get("/api/spaces?city=lyon").expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("slug").equals("city-lyon")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        long room = host.post("/api/spaces/" + space + "/rooms", Api.json("name", "Quiet party", "kind",
                "watch-party", "attributes", Api.json("durationMs", 60_000))).expect(201).object()
                .getJsonNumber("id").longValue();
        try (Browser b = Browser.open(server)) {
            b.useToken(host.token());
            b.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(40));
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> outcome = (java.util.Map<String, Object>) ((org.openqa.selenium
                    .JavascriptExecutor) b.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const roomId = arguments[0];
                    const settle = (p) => p.then((v) => ({ resolved: v === undefined ? 'empty' : v.type }),
                      (e) => ({ rejected: e.code, message: e.message }));
                    (async () => {
                      const { live } = await import('/ui/core/live.js');
                      await (await import('/ui/core/i18n.js')).loadNamespaces('room');
                      const channel = live().room(roomId);
                      if (!channel.joined) {
                        await new Promise((resolve, reject) => {
                          const off = channel.subscribe((f) => {
                            if (f.type === 'welcome') { off(); resolve(); }
                            if (f.type === 'error') { off(); reject(new Error(f.code + ': ' + f.reason)); }
                          });
                        });
                      }
                      const [unchanged, unanswered] = await Promise.all([
                        settle(channel.plugin.send('pause', {})),
                        settle(channel.request({ type: 'typing' }, { timeoutMs: 500 })),
                      ]);
                      const waiting = settle(channel.request({ type: 'typing' }));
                      channel.release();
                      return { unchanged, unanswered, closed: await waiting };
                    })().then(done, (e) => done({ failure: String(e && e.stack || e) }));
                    """, room);
            assertNull(outcome.get("failure"), String.valueOf(outcome.get("failure")));
            assertEquals(java.util.Map.of("resolved", "empty"), outcome.get("unchanged"));
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> unanswered = (java.util.Map<String, Object>) outcome.get("unanswered");
            assertEquals("timeout", unanswered.get("rejected"), outcome.toString());
            assertTrue(String.valueOf(unanswered.get("message")).contains("did not answer"), outcome.toString());
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> closed = (java.util.Map<String, Object>) outcome.get("closed");
            assertEquals("closed", closed.get("rejected"), outcome.toString());
            assertTrue(String.valueOf(closed.get("message")).contains("left the room"), outcome.toString());
        }
    }

    /** Connects as the user, joins the room and posts each text in turn, failing unless each one is acked. */
    /**
     * Plugin API 1.3: a module's own message (RoomService.say) shows in the conversation under the module's name,
     * as the system, live and again from the history after a reload.
     */
    @Test
    void aModulesMessageShowsAsTheSystemLiveAndFromHistory(PackagedServer server) {
        PluginAdmin admin = PluginAdmin.of(server);
        if (admin.get("/api/admin/plugins/test-rooms").status() == 404) {
            admin.install(PluginJars.built("rooms"));
        }
        TestUser root = TestUser.admin(server);
        TestUser ana = TestUser.register(server.api(), name("Ana"));
        members(root, "gdynia", ana);
        long space = root.get("/api/spaces?city=gdynia").expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("slug").equals("city-gdynia")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        long room = root.post("/api/spaces/" + space + "/rooms", Api.json("name", "Relay listening", "kind", "relay"))
                .expect(201).object().getJsonNumber("id").longValue();
        try (Browser b = openRoom(server, ana, room)) {
            root.post("/api/plugins/test-rooms/rooms/" + room + "/announce", Api.json("text", "Track *3* of 12"))
                    .expect(200);
            WebElement said = b.findWithText("[data-testid=system-message]", "Track 3 of 12");
            assertTrue(said.getText().contains("module"), said.getText());
            assertEquals("3", b.find("[data-testid=system-message] em").getText(), "rendered, not raw Markdown");
            b.go("/rooms/" + room);
            b.findWithText("[data-testid=system-message]", "Track 3 of 12");
        }
    }

    static void postOverTheSocket(TestUser user, long room, List<String> texts) {
        try (LiveClient socket = LiveClient.open(user)) {
            socket.send(Rooms.join(room, null, "join")).reply("join");
            for (String text : texts) {
                String clientMessageId = "browser-test-" + System.nanoTime();
                JsonObject answer = socket.send(Rooms.post(room, clientMessageId, text)).reply("f-" + clientMessageId);
                assertEquals("ack", answer.getString("type"), "post refused: " + answer);
            }
        }
    }
}
