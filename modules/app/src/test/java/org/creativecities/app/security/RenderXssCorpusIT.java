package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.plugins.PluginAdmin;
import org.creativecities.app.plugins.PluginJars;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stored-XSS corpus through every place that displays user text, at the API level: a message's rendered html
 * (live frame and history) passes the renderer's allowlist; a bio, a city description, a room name and a plugin's
 * setting come back exactly as written, as JSON data, for the browser to show as text (RenderXssBrowserIT shows
 * that it does).
 */
@ExtendWith(SharedServer.class)
class RenderXssCorpusIT {

    private static final List<String> PAYLOADS = RenderXss.payloads();

    @Test
    void theCorpusIsLargeAndTheCheckRefusesWhatItMust() {
        assertTrue(PAYLOADS.size() >= 50, "only " + PAYLOADS.size() + " payloads");
        for (String bad : List.of("<script>x</script>", "<img src=\"x\">", "<a href=\"javascript:x\">y</a>",
                "<a href=\"&#106;avascript:x\">y</a>", "<p onclick=\"x\">y</p>", "<a href=javascript:x>y</a>")) {
            assertTrue(!RenderXss.outsideAllowlist(bad).isEmpty(), bad);
        }
        assertEquals(List.of(), RenderXss.outsideAllowlist("<p><a href=\"https://x\" rel=\"nofollow\">x</a>"
                + "<br /><!-- -->&lt;b&gt;</p>"));
    }

    @Test
    void messagesRenderedFromThePayloadsPassTheAllowlist(PackagedServer server, Api api) {
        List<String> bad = new ArrayList<>();
        try (RenderFixtures.Chat chat = RenderFixtures.Chat.open(server, api, "santos", "Xss")) {
            LiveClient a = chat.a();
            LiveClient b = chat.b();
            long room = chat.room();
            long start = chat.start();
            for (int i = 0; i < PAYLOADS.size(); i++) {
                a.send(Rooms.post(room, "x" + i, PAYLOADS.get(i)));
                a.reply("f-x" + i);
            }
            for (int i = 0; i < PAYLOADS.size(); i++) {
                long seq = start + 1 + i;
                JsonObject live = b.await(f -> f.getString("type").equals("message")
                        && f.getJsonNumber("seq").longValue() == seq);
                RenderXss.outsideAllowlist(live.getString("html")).forEach(v -> bad.add(live.getString("text")
                        + " -> " + v));
            }
            JsonObject page = chat.reader().get("/api/rooms/" + room + "/history?after=" + start + "&limit=500").expect(200)
                    .object();
            assertEquals(PAYLOADS.size(), page.getJsonArray("items").size());
            for (JsonValue v : page.getJsonArray("items")) {
                JsonObject item = v.asJsonObject();
                assertEquals(PAYLOADS.get((int) (item.getJsonNumber("seq").longValue() - start - 1)),
                        item.getString("text"));
                RenderXss.outsideAllowlist(item.getString("html")).forEach(x -> bad.add("history: " + x));
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void bioCityDescriptionAndRoomNamesAreKeptAsWrittenData(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser cy = TestUser.register(api, "Cy Xss");
        long space = admin.get("/api/spaces?city=santos").expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("slug").equals("city-santos")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        for (String p : PAYLOADS) {
            cy.patch("/api/people/" + cy.id(), Api.json("bio", p)).expect(200);
            assertEquals(p, api.get("/api/people/" + cy.id()).expect(200).object().getString("bio"));
            admin.patch("/api/cities/santos", Api.json("description", p)).expect(200);
            assertEquals(p, api.get("/api/cities/santos").expect(200).object().getString("description"));
        }
        for (String p : PAYLOADS.subList(0, 20)) {
            JsonObject created = admin.post("/api/spaces/" + space + "/rooms", Api.json("name", p)).expect(201)
                    .object();
            assertEquals(p, created.getString("name"));
            assertEquals(p, admin.get("/api/rooms/" + created.getJsonNumber("id").longValue()).expect(200)
                    .object().getString("name"));
        }
    }

    @Test
    void pluginSettingValuesAreKeptAsWrittenData(PackagedServer server, Api api) {
        PluginAdmin plugins = PluginAdmin.of(server);
        String id = "render-xss";
        plugins.remove(id);
        plugins.install(PluginJars.variant("good", Map.of("Plugin-Id", id)));
        try {
            TestUser admin = TestUser.admin(server);
            String path = "/api/admin/plugins/" + id + "/settings";
            for (String p : PAYLOADS.stream().filter(p -> p.length() <= 40).toList()) {
                admin.put(path, Api.json("values", Api.json("greeting", p))).expect(200);
                assertEquals(p, admin.get(path).expect(200).object().getJsonArray("settings").stream()
                        .map(JsonValue::asJsonObject).filter(s -> s.getString("key").equals("greeting"))
                        .findFirst().orElseThrow().getString("value"));
                assertEquals(p, api.get("/api/plugins/" + id + "/hello").expect(200).object().getString("greeting"));
            }
        } finally {
            plugins.remove(id);
        }
    }
}
