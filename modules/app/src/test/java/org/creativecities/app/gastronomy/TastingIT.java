package org.creativecities.app.gastronomy;

import static org.creativecities.app.gastronomy.Tastings.action;
import static org.creativecities.app.gastronomy.Tastings.dish;
import static org.creativecities.app.gastronomy.Tastings.event;
import static org.creativecities.app.gastronomy.Tastings.hasDish;
import static org.creativecities.app.gastronomy.Tastings.state;
import static org.creativecities.app.gastronomy.Tastings.system;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bundled gastronomy plugin's {@code tasting} room kind end to end, with real WebSocket clients on the shared
 * server: hidden dishes stay with the host, ratings are anonymous while a round is open (only the live histogram
 * reaches anyone; a ballot reaches its author alone), the host's close and a round timer both publish the results
 * into the room, every refusal has its own error code, and a city where the plugin is off refuses the kind.
 */
@ExtendWith(SharedServer.class)
class TastingIT {

    private static final String CITY = "alba";

    private static People people;

    /** The people of these tests, registered once for the class: a coordinator and a member of the city. */
    private record People(TestUser admin, TestUser host, TestUser mo) {
    }

    private static synchronized People people(PackagedServer server) {
        if (people == null) {
            TestUser admin = TestUser.admin(server);
            people = new People(admin, Tastings.coordinator(admin, CITY, "Tasting Host"),
                    Tastings.member(admin, CITY, "Taster Mo"));
        }
        return people;
    }

    @Test
    void dishesAreRevealedRatedAnonymouslyAndClosedByTheHostOrTheirTimer(PackagedServer server) {
        People p = people(server);
        TestUser admin = p.admin();
        TestUser host = p.host();
        TestUser mo = p.mo();
        TestUser li = Tastings.member(admin, CITY, "Taster Li");
        TestUser outsider = TestUser.register(server.api(), "Tasting Outsider " + System.nanoTime());
        long room = Tastings.tastingRoom(host, CITY, "taste", "presentation");

        try (LiveClient h = LiveClient.open(host); LiveClient m = LiveClient.open(mo); LiveClient l = LiveClient.open(li);
             LiveClient o = LiveClient.open(outsider)) {
            JsonObject welcome = h.send(Rooms.join(room, null, "jh")).reply("jh");
            assertEquals("tasting", welcome.getString("kind"));
            assertEquals(List.of("taste", "presentation"), welcome.getJsonObject("roomState").getJsonArray("criteria")
                    .getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList());
            m.send(Rooms.join(room, null, "jm")).reply("jm");
            l.send(Rooms.join(room, null, "jl")).reply("jl");
            o.send(Rooms.join(room, null, "jo")).reply("jo");

            // The line-up is the host's alone: the others learn only how many dishes are to come.
            h.send(action(room, "add-dish", Api.json("name", "Secret leek soup", "description", "From Alba"), "a1"));
            JsonObject lineup = h.reply("a1");
            assertEquals("lineup", lineup.getString("event"));
            assertEquals("Secret leek soup", lineup.getJsonObject("payload").getJsonArray("dishes").getJsonObject(0)
                    .getString("name"));
            JsonObject hidden = m.await(state(room, s -> s.getInt("hidden") == 1)).getJsonObject("state");
            assertFalse(hidden.toString().contains("Secret leek soup"), hidden.toString());
            h.send(action(room, "add-dish", Api.json("name", "Hazelnut cake"), "a2")).reply("a2");

            for (String hostOnly : List.of("add-dish", "remove-dish", "reveal", "close-round", "set-criteria")) {
                m.send(action(room, hostOnly, Api.json("name", "Mine", "dish", "d1"), "n-" + hostOnly));
                assertEquals("not-host", m.reply("n-" + hostOnly).getString("code"), hostOnly);
            }
            o.send(action(room, "rate", Api.json("dish", "d1", "scores", Api.json("taste", 1)), "out"));
            assertEquals("forbidden", o.reply("out").getString("code"), "a non-member of the city may not rate");
            m.send(action(room, "rate", Api.json("dish", "d1", "scores", Api.json("taste", 4)), "early"));
            assertEquals("round-closed", m.reply("early").getString("code"), "a hidden dish cannot be rated");

            h.send(action(room, "reveal", Api.json("seconds", 0), "r1"));
            JsonObject revealed = l.await(state(room, s -> hasDish(s, "d1", "open"))).getJsonObject("state");
            assertEquals("Secret leek soup", dish(revealed, "d1").getString("name"));
            assertEquals(1, revealed.getInt("hidden"));
            h.send(action(room, "reveal", Api.json(), "r2"));
            assertEquals("round-open", h.reply("r2").getString("code"));
            h.send(action(room, "set-criteria", Api.json("criteria", List.of("smell")), "sc"));
            assertEquals("criteria-locked", h.reply("sc").getString("code"));

            m.send(action(room, "rate", Api.json("dish", "d1", "scores", Api.json("taste", 4, "presentation", 5)),
                    "m1"));
            JsonObject ballot = m.reply("m1");
            assertEquals("ballot", ballot.getString("event"));
            assertEquals(Api.json("taste", 4, "presentation", 5), ballot.getJsonObject("payload").getJsonObject("scores"));
            l.send(action(room, "rate", Api.json("dish", "d1", "scores", Api.json("taste", 9)), "l1"));
            assertEquals("bad-score", l.reply("l1").getString("code"));
            l.send(action(room, "rate", Api.json("dish", "d1", "scores", Api.json("smell", 3)), "l2"));
            assertEquals("bad-criterion", l.reply("l2").getString("code"));
            l.send(action(room, "rate", Api.json("dish", "d9", "scores", Api.json("taste", 3)), "l3"));
            assertEquals("unknown-dish", l.reply("l3").getString("code"));
            l.send(action(room, "rate", Api.json("dish", "d1", "scores", Api.json("taste", 5)), "l4")).reply("l4");
            JsonObject live = h.await(state(room, s -> hasDish(s, "d1", "open")
                    && dish(s, "d1").getInt("ballots") == 2)).getJsonObject("state");
            assertEquals("[0,0,0,1,1]", dish(live, "d1").getJsonArray("criteria").getJsonObject(0)
                    .getJsonArray("counts").toString(), "the live histogram of taste");
            for (JsonObject f : h.frames()) {
                assertFalse(f.getString("type").startsWith("plugin.")
                        && (f.toString().contains(mo.name()) || f.toString().contains(li.name())),
                        "while the round is open nobody, the host included, learns who rated: " + f);
            }

            // A second connection of Mo gets Mo's own ballot, privately; Li's connection gets none of it.
            try (LiveClient m2 = LiveClient.open(mo)) {
                m2.send(Rooms.join(room, null, "jm2")).reply("jm2");
                JsonObject mine = m2.await(event(room, "ballot"));
                assertEquals(4, mine.getJsonObject("payload").getJsonObject("scores").getInt("taste"));
            }
            assertTrue(l.frames().stream().noneMatch(f -> f.toString().contains("\"presentation\":5")
                    && f.getString("type").equals("plugin.event")), "Mo's ballot reached Mo only");

            h.send(action(room, "close-round", Api.json(), "c1"));
            JsonObject closed = m.await(system(room, "round-closed"));
            assertEquals(4.8, closed.getJsonObject("payload").getJsonNumber("score").doubleValue(),
                    "(4.5 + 5.0) / 2, to one decimal");
            JsonObject said = m.await(f -> f.getString("type").equals("system") && f.getString("text", "")
                    .startsWith("Round closed: dish 1"));
            assertEquals("Round closed: dish 1 (Secret leek soup) scores 4.8 from 2 ballots.", said.getString("text"));
            m.await(state(room, s -> hasDish(s, "d1", "closed")));
            h.send(action(room, "close-round", Api.json(), "c2"));
            assertEquals("no-round", h.reply("c2").getString("code"));

            // A round with a timer closes by itself; nobody waits on a clock here, only on the frame.
            h.send(action(room, "reveal", Api.json("seconds", 2), "r3"));
            l.await(state(room, s -> hasDish(s, "d2", "open")));
            l.send(action(room, "rate", Api.json("dish", "d2", "scores", Api.json("taste", 3, "presentation", 2)),
                    "l5")).reply("l5");
            JsonObject timed = m.await(f -> system(room, "round-closed").test(f)
                    && f.getJsonObject("payload").getString("dish").equals("d2"));
            assertEquals(2.5, timed.getJsonObject("payload").getJsonNumber("score").doubleValue());
            m.send(action(room, "rate", Api.json("dish", "d2", "scores", Api.json("taste", 5)), "late"));
            assertEquals("round-closed", m.reply("late").getString("code"));
            h.send(action(room, "reveal", Api.json(), "r4"));
            assertEquals("no-dish", h.reply("r4").getString("code"));
        }

        JsonObject results = mo.get("/api/plugins/gastronomy/tastings/" + room).expect(200).object();
        assertEquals(List.of(4.8, 2.5), results.getJsonArray("dishes").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getJsonNumber("score").doubleValue()).toList());
        assertFalse(results.toString().contains(mo.name()), "this city keeps ratings anonymous: " + results);
        assertEquals(404, mo.get("/api/plugins/gastronomy/tastings/" + Rooms.generalRoom(mo, CITY)).status(),
                "a discussion room is no tasting");
    }

    @Test
    void aCoordinatorSetsTheCitysRoundTimerAndACityWithoutTheModuleRefusesTheKind(PackagedServer server) {
        People p = people(server);
        TestUser admin = p.admin();
        TestUser host = p.host();
        TestUser member = p.mo();
        String settings = "/api/cities/" + CITY + "/modules/gastronomy/settings";
        member.put(settings, Api.json("values", Api.json("round-seconds", 30))).expect(403);
        host.put(settings, Api.json("values", Api.json("reveal-names", false))).expect(200);
        try {
            host.put(settings, Api.json("values", Api.json("round-seconds", 45))).expect(200);
            long room = Tastings.tastingRoom(host, CITY, "taste");
            try (LiveClient h = LiveClient.open(host)) {
                assertEquals(45, h.send(Rooms.join(room, null, "j")).reply("j").getJsonObject("roomState")
                        .getInt("roundSeconds"), "the room's default round timer is the city's");
            }
        } finally {
            host.put(settings, Api.json("values", Api.json("round-seconds", jakarta.json.JsonValue.NULL,
                    "reveal-names", jakarta.json.JsonValue.NULL))).expect(200);
        }

        long alba = Tastings.citySpace(admin, CITY);
        Api.Response bad = admin.post("/api/spaces/" + alba + "/rooms", Api.json("name", "No criteria", "kind",
                "tasting", "attributes", Api.json("criteria", List.of("taste", "taste")))).expect(422);
        assertTrue(bad.object().getString("type").endsWith("bad-criteria"), bad.object().toString());
        long arequipa = Tastings.citySpace(admin, "arequipa");
        try {
            admin.put("/api/admin/plugins/gastronomy/cities", Api.json("networkWide", false, "cities", List.of(CITY)))
                    .expect(200);
            Api.Response refused = admin.post("/api/spaces/" + arequipa + "/rooms", Api.json("name", "Tasting",
                    "kind", "tasting")).expect(422);
            assertTrue(refused.object().getString("detail").contains("not enabled"), refused.object().toString());
            admin.post("/api/spaces/" + alba + "/rooms", Api.json("name", "Tasting here", "kind", "tasting"))
                    .expect(201);
        } finally {
            admin.put("/api/admin/plugins/gastronomy/cities", Api.json("networkWide", true, "cities", List.of()))
                    .expect(200);
        }
    }
}
