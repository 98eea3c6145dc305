package org.creativecities.plugins.gastronomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.plugin.api.room.ActionResult;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.api.room.RoomContext;
import org.creativecities.plugin.api.room.RoomEvent;
import org.creativecities.plugin.testkit.TestHost;
import org.creativecities.plugin.testkit.TestModuleContext;
import org.creativecities.plugin.testkit.TestRequest;
import org.creativecities.plugin.testkit.TestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code tasting} kind in the plugin test kit's host (virtual clock, durable timers, storage, settings), with
 * recorded room services: who receives what, the round timer, a restart with a round open, and the routes.
 */
class TastingRoomTest {

    private static final Actor HOST = new Actor(10, "Hana Host", true, false, false);
    private static final Actor MO = new Actor(11, "Mo", false, false, false);
    private static final Actor LI = new Actor(12, "Li", false, false, false);

    private TestHost host;
    private TastingRoom kind;
    private RecordingRooms rooms;
    private RoomContext room;

    @BeforeEach
    void start() {
        TestModuleContext context = new TestModuleContext("gastronomy", "1.0.0", new GastronomyModule().info(),
                Instant.parse("2026-12-05T19:00:00Z"));
        host = TestHost.start(new GastronomyModule(), context);
        attach();
        room = new RoomContext("77", Optional.of("lyon"), TastingRoom.ID, HOST.accountId(),
                Json.createObjectBuilder().add("criteria", Json.createArrayBuilder().add("taste").add("presentation"))
                        .build(), host.context().clock(), rooms);
        assertTrue(kind.open(room, HOST) instanceof ActionResult.Applied);
    }

    private void attach() {
        kind = (TastingRoom) host.roomKind(TastingRoom.ID);
        rooms = new RecordingRooms(Set.of(10L, 11L));
        kind.attached(rooms);
        if (room != null) {
            room = new RoomContext(room.roomId(), room.citySlug(), room.kind(), room.creatorId(), room.attributes(),
                    room.clock(), rooms);
        }
    }

    private ActionResult.Applied accept(Actor who, String action, JsonObject payload) {
        ActionResult r = kind.handle(room, who, new RoomAction(action, payload));
        if (r instanceof ActionResult.Rejected no) {
            throw new AssertionError(action + " refused: " + no.code() + " " + no.reason());
        }
        return (ActionResult.Applied) r;
    }

    private String refuse(Actor who, String action, JsonObject payload) {
        ActionResult r = kind.handle(room, who, new RoomAction(action, payload));
        assertTrue(r instanceof ActionResult.Rejected, action + " was accepted");
        return ((ActionResult.Rejected) r).code();
    }

    private static JsonObject o(Object... kv) {
        var b = Json.createObjectBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] instanceof Integer n) {
                b.add((String) kv[i], n);
            } else if (kv[i + 1] instanceof JsonObject j) {
                b.add((String) kv[i], j);
            } else {
                b.add((String) kv[i], (String) kv[i + 1]);
            }
        }
        return b.build();
    }

    private static JsonObject state(ActionResult.Applied r) {
        return r.state().orElseThrow().value();
    }

    private static RoomEvent reply(ActionResult.Applied r, String type) {
        return r.replies().stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void membersSeeOnlyRevealedDishesAndAggregatesTheHostAloneSeesTheLineUp() {
        ActionResult.Applied added = accept(HOST, "add-dish", o("name", "Secret soup", "description", "Leek"));
        assertEquals(1, state(added).getInt("hidden"));
        assertFalse(state(added).toString().contains("Secret soup"), "the state everyone gets hides the dish");
        assertEquals("Secret soup", reply(added, "lineup").payload().getJsonArray("dishes").getJsonObject(0)
                .getString("name"));
        assertEquals("not-host", refuse(MO, "reveal", o()));
        assertEquals("not-host", refuse(MO, "add-dish", o("name", "Mine")));
        assertEquals("not-host", refuse(MO, "close-round", o()));

        JsonObject revealed = state(accept(HOST, "reveal", o("seconds", 0)));
        assertEquals("Secret soup", revealed.getJsonArray("dishes").getJsonObject(0).getString("name"));
        assertEquals("d1", revealed.getString("current"));

        ActionResult.Applied rated = accept(MO, "rate", o("dish", "d1", "scores", o("taste", 4, "presentation", 3)));
        assertEquals(o("taste", 4, "presentation", 3), reply(rated, "ballot").payload().getJsonObject("scores"));
        accept(LI, "rate", o("dish", "d1", "scores", o("taste", 5)));
        JsonObject live = kind.snapshot(room, room.clock().instant()).value();
        JsonObject dish = live.getJsonArray("dishes").getJsonObject(0);
        assertEquals(2, dish.getInt("ballots"));
        assertEquals(List.of(0, 0, 0, 1, 1), dish.getJsonArray("criteria").getJsonObject(0).getJsonArray("counts")
                .getValuesAs(jakarta.json.JsonNumber.class).stream().map(n -> n.intValue()).toList());
        assertFalse(live.toString().contains("Mo") || live.toString().contains("\"11\""),
                "nobody, the host included, gets who rated what: " + live);
        assertEquals("bad-score", refuse(LI, "rate", o("dish", "d1", "scores", o("taste", 9))));
        assertEquals("bad-score", refuse(LI, "rate", o("dish", "d1", "scores", "five")));
        assertEquals("bad-criterion", refuse(LI, "rate", o("dish", "d1", "scores", o("smell", 2))));
        assertEquals("unknown-dish", refuse(LI, "rate", o("dish", "d5", "scores", o("taste", 2))));

        kind.joined(room, MO, true);
        kind.joined(room, HOST, true);
        assertEquals(List.of("ballot", "lineup"), rooms.sent.stream().map(s -> s.event().type()).toList());
        assertEquals(11, rooms.sent.get(0).to(), "Mo's own ballot, to Mo only");
        assertEquals(10, rooms.sent.get(1).to(), "the line-up, to the host only");

        ActionResult.Applied closed = accept(HOST, "close-round", o());
        assertEquals("closed", state(closed).getJsonArray("dishes").getJsonObject(0).getString("status"));
        assertEquals(List.of("round-closed"), rooms.published.stream().map(RoomEvent::type).toList());
        assertEquals(List.of("Round closed: dish 1 (Secret soup) scores 3.8 from 2 ballots."), rooms.said);
        assertEquals("no-round", refuse(HOST, "close-round", o()));
    }

    @Test
    void aRoundTimerClosesTheRoundEvenAcrossARestartAndAnnouncesItOnce() {
        host.context().testSettings().setForCity("lyon", GastronomyModule.ROUND_SECONDS, 30);
        accept(HOST, "add-dish", o("name", "Tart"));
        JsonObject opened = state(accept(HOST, "reveal", o()));
        assertEquals(30, opened.getInt("roundSeconds"));
        assertEquals("2026-12-05T19:00:30Z", opened.getJsonArray("dishes").getJsonObject(0).getString("closesAt"));
        accept(MO, "rate", o("dish", "d1", "scores", o("taste", 4, "presentation", 4)));

        host = host.restart(new GastronomyModule());
        attach();
        host.advance(Duration.ofSeconds(29));
        assertTrue(rooms.published.isEmpty());
        host.advance(Duration.ofSeconds(2));
        assertEquals(List.of("round-closed"), rooms.published.stream().map(RoomEvent::type).toList());
        assertEquals(4.0, rooms.published.get(0).payload().getJsonNumber("score").doubleValue());
        assertEquals("closed", kind.snapshot(room, room.clock().instant()).value().getJsonArray("dishes")
                .getJsonObject(0).getString("status"));
        kind.roundTimer(new org.creativecities.plugin.api.timer.DurableTimer("round:77", Instant.EPOCH,
                "{\"room\":\"77\",\"dish\":\"d1\",\"city\":\"lyon\"}", 2));
        assertEquals(1, rooms.published.size(), "a second delivery announces nothing more");
        assertTrue(host.context().virtualTimers().failures().isEmpty(), host.context().virtualTimers().failures()
                .toString());
    }

    @Test
    void theRoutesShowResultsToReadersAndNamesOnlyWhereTheCityShowsThem() {
        host.context().testSettings().setForCity("lyon", GastronomyModule.REVEAL_NAMES, true);
        accept(HOST, "add-dish", o("name", "Soup"));
        accept(HOST, "reveal", o("seconds", 0));
        accept(MO, "rate", o("dish", "d1", "scores", o("taste", 5, "presentation", 4)));
        accept(HOST, "close-round", o());

        TestResponse mine = host.http(TestRequest.get("/tastings/77").as(11, "Mo"));
        assertEquals(200, mine.status(), mine.text());
        JsonObject dish = mine.object().getJsonArray("dishes").getJsonObject(0);
        assertEquals(4.5, dish.getJsonNumber("score").doubleValue());
        assertEquals("Mo", dish.getJsonArray("ratings").getJsonObject(0).getString("name"));
        assertEquals(404, host.http(TestRequest.get("/tastings/77")).status(), "a visitor may not read the room");
        assertEquals(404, host.http(TestRequest.get("/tastings/77").as(12, "Li")).status());
        assertEquals(404, host.http(TestRequest.get("/tastings/78").as(11, "Mo")).status());

        TestResponse scaled = host.http(TestRequest.post("/recipes/scale").as(11, "Mo").json(
                Json.createObjectBuilder().add("recipe", RecipeScalingTest.soup()).add("servings", 2).build()
                        .toString()));
        assertEquals(200, scaled.status(), scaled.text());
        assertEquals(15, scaled.object().getJsonArray("ingredients").getJsonObject(1).getInt("quantity"));
        TestResponse bad = host.http(TestRequest.post("/recipes/scale").json("{\"recipe\":{},\"servings\":2}"));
        assertEquals(400, bad.status());
        assertEquals("recipe.servings: a whole number from 1", bad.object().getString("detail"));
    }

    @Test
    void anAnonymousCityKeepsNoNamesAfterTheClose() {
        accept(HOST, "add-dish", o("name", "Soup"));
        accept(HOST, "reveal", o("seconds", 0));
        accept(MO, "rate", o("dish", "d1", "scores", o("taste", 5)));
        accept(HOST, "close-round", o());
        JsonObject dish = host.http(TestRequest.get("/tastings/77").as(11, "Mo")).object().getJsonArray("dishes")
                .getJsonObject(0);
        assertFalse(dish.containsKey("ratings"));
        assertFalse(host.context().memoryStorage().toString().contains("\"Mo\""));
    }
}
