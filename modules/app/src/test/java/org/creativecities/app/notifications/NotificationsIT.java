package org.creativecities.app.notifications;

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
import org.creativecities.app.testkit.TestCities;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The notification centre on the packaged server: mentions and replies (stored, and live to every connection of the
 * person and only theirs), moderation, join requests and answers, changes to my works; never of one's own action,
 * never naming what the recipient cannot see; only one's own notifications are listed and marked read.
 */
@ExtendWith(SharedServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsIT {

    private final TestCities cities = new TestCities();
    private TestUser admin;
    private String city;

    @BeforeAll
    void city(PackagedServer server) {
        admin = TestUser.admin(server);
        city = Notified.newCity(admin, cities, "Notifton");
    }

    @AfterAll
    void retire() {
        cities.retireAll();
    }

    private long membersOnlyRoom() {
        long space = admin.post("/api/spaces", Api.json("name", "Inner " + System.nanoTime(), "city", city,
                "visibility", "MEMBERS_ONLY")).expect(201).object().getJsonNumber("id").longValue();
        return admin.post("/api/spaces/" + space + "/rooms", Api.json("name", "talk")).expect(201).object()
                .getJsonNumber("id").longValue();
    }

    private static long seq(JsonObject ack) {
        return ack.getJsonNumber("seq").longValue();
    }

    private static JsonObject reply(long room, String id, String text, long to) {
        return Api.json("type", "post", "room", room, "clientMessageId", id, "text", text, "replyTo", to,
                "id", "f-" + id);
    }

    @Test
    void mentionsAndRepliesArriveLiveOnEveryConnectionOfTheirPersonAndAreStored(Api api) {
        TestUser nia = TestUser.register(api, "Nia Notified");
        TestUser oto = TestUser.register(api, "Oto Notified");
        TestUser pim = TestUser.register(api, "Pim Bystander");
        Rooms.members(admin, city, nia, oto, pim);
        long room = Rooms.generalRoom(nia, city);
        try (LiveClient n = LiveClient.open(nia); LiveClient o1 = LiveClient.open(oto);
             LiveClient o2 = LiveClient.open(oto); LiveClient p = LiveClient.open(pim)) {
            n.send(Rooms.join(room, null, "j")).reply("j");
            o1.send(Rooms.join(room, null, "j")).reply("j");
            long mention = seq(n.send(Rooms.post(room, "m1", "Hello @[" + oto.id() + "]!")).reply("f-m1"));
            for (LiveClient o : List.of(o1, o2)) {
                JsonObject frame = o.await(f -> f.getString("type").equals("notification"));
                JsonObject note = frame.getJsonObject("notification");
                assertEquals("mention", note.getString("kind"));
                assertEquals(room, note.getJsonNumber("room").longValue());
                assertEquals(mention, note.getJsonNumber("seq").longValue());
                assertEquals(nia.id(), note.getJsonNumber("actorId").longValue());
                assertEquals(1, frame.getInt("unread"));
            }
            long mine = seq(o1.send(Rooms.post(room, "o1", "A question of mine")).reply("f-o1"));
            long answer = seq(n.send(reply(room, "r1", "An answer", mine)).reply("f-r1"));
            n.send(reply(room, "r2", "Answering myself", answer)).reply("f-r2");
            JsonObject replied = o2.await(f -> f.getString("type").equals("notification")
                    && f.getJsonObject("notification").getString("kind").equals("reply"));
            assertEquals(answer, replied.getJsonObject("notification").getJsonNumber("seq").longValue());
            assertEquals("An answer", replied.getJsonObject("notification").getString("excerpt"));
            assertEquals(2, replied.getInt("unread"));
            Notified.sleep(500);
            assertTrue(n.frames("notification").isEmpty(), "nobody hears of their own post: " + n.frames());
            assertTrue(p.frames("notification").isEmpty(), "only the person's own connections: " + p.frames());
        }
        JsonObject page = Notified.page(oto);
        assertEquals(2, page.getInt("total"));
        assertEquals(2, page.getInt("unread"));
        List<JsonObject> items = page.getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(List.of("reply", "mention"), items.stream().map(i -> i.getString("kind")).toList());
        assertEquals(0, Notified.page(nia).getInt("total"), "answering oneself notifies nobody");

        long newest = items.get(0).getJsonNumber("id").longValue();
        assertEquals(0, pim.post("/api/me/notifications/read", Api.json("ids", List.of(newest))).expect(200)
                .object().getInt("marked"), "nobody marks another person's notifications");
        JsonObject marked = oto.post("/api/me/notifications/read", Api.json("ids", List.of(newest))).expect(200)
                .object();
        assertEquals(1, marked.getInt("marked"));
        assertEquals(1, marked.getInt("unread"));
        assertEquals("mention", oto.get("/api/me/notifications?unread=true").expect(200).object()
                .getJsonArray("items").getJsonObject(0).getString("kind"));
        assertEquals(0, oto.post("/api/me/notifications/read", Api.json()).expect(200).object().getInt("unread"));
        assertEquals(2, Notified.page(oto).getInt("total"));

        JsonObject bad = oto.post("/api/me/notifications/read", Api.json("ids", "all")).expect(400).object();
        assertFalse(bad.toString().contains("org."), bad.toString());
        oto.post("/api/me/notifications/read", Api.json("ids", List.of(-1))).expect(400);
        oto.get("/api/me/notifications?unread=perhaps").expect(400);
        api.get("/api/me/notifications").expect(401);
        api.post("/api/me/notifications/read", Api.json()).expect(401);
    }

    @Test
    void aReplyIsNotNotifiedToSomeoneWhoCanNoLongerReadTheRoom(Api api) {
        TestUser ria = TestUser.register(api, "Ria Inner");
        TestUser sol = TestUser.register(api, "Sol Leaver");
        Rooms.members(admin, city, ria, sol);
        long room = membersOnlyRoom();
        long before;
        try (LiveClient r = LiveClient.open(ria); LiveClient s = LiveClient.open(sol)) {
            r.send(Rooms.join(room, null, "j")).reply("j");
            s.send(Rooms.join(room, null, "j")).reply("j");
            before = seq(s.send(Rooms.post(room, "s1", "Before I go")).reply("f-s1"));
        }
        admin.delete("/api/cities/" + city + "/members/" + sol.id()).expect(204);
        try (LiveClient r = LiveClient.open(ria)) {
            r.send(Rooms.join(room, null, "j")).reply("j");
            r.send(reply(room, "r1", "Too late", before)).reply("f-r1");
            r.send(Rooms.post(room, "r2", "Hi @[" + sol.id() + "]")).reply("f-r2");
        }
        Notified.sleep(1500);
        assertTrue(Notified.items(sol).stream().noneMatch(n -> n.getString("kind").equals("reply")
                || n.getString("kind").equals("mention")), "a room sol cannot read: " + Notified.items(sol));
    }

    @Test
    void moderationThatConcernsMeIsNotified(Api api) {
        TestUser tia = TestUser.register(api, "Tia Moderated");
        Rooms.members(admin, city, tia);
        long room = Rooms.generalRoom(tia, city);
        long message;
        try (LiveClient t = LiveClient.open(tia)) {
            t.send(Rooms.join(room, null, "j")).reply("j");
            message = seq(t.send(Rooms.post(room, "t1", "Something rude")).reply("f-t1"));
            t.send(Rooms.post(room, "t2", "Something I regret")).reply("f-t2");
            t.send(Api.json("type", "delete", "room", room, "target", message + 1, "id", "d1")).reply("d1");
        }
        admin.post("/api/rooms/" + room + "/moderation", Api.json("action", "mute", "accountId", tia.id(),
                "minutes", 5)).expect(204);
        JsonObject muted = Notified.await(tia, n -> "moderation".equals(n.getString("kind"))
                && "mute".equals(n.getString("detail")));
        assertEquals(room, muted.getJsonNumber("room").longValue());
        assertFalse(muted.containsKey("actorId") && !muted.isNull("actorId"), "the moderator stays anonymous");
        try (LiveClient a = LiveClient.open(admin)) {
            a.send(Rooms.join(room, null, "j")).reply("j");
            a.send(Api.json("type", "delete", "room", room, "target", message, "id", "d2")).reply("d2");
        }
        JsonObject removed = Notified.await(tia, n -> "delete-message".equals(n.getString("detail", "")));
        assertEquals(message, removed.getJsonNumber("seq").longValue());
        Notified.sleep(500);
        assertEquals(2, Notified.page(tia).getInt("total"), "deleting one's own message notifies nobody: "
                + Notified.items(tia));
        admin.post("/api/rooms/" + room + "/moderation", Api.json("action", "unmute", "accountId", tia.id()))
                .expect(204);
    }

    @Test
    void joinRequestsGoToTheCitysCoordinatorsAndTheAnswerToTheRequester(Api api) {
        TestUser cora = TestUser.register(api, "Cora Coordinator");
        TestUser rex = TestUser.register(api, "Rex Requester");
        TestUser olga = TestUser.register(api, "Olga Other");
        String town = Notified.newCity(admin, cities, "Asktown");
        Rooms.members(admin, town, cora, olga);
        admin.put("/api/cities/" + town + "/members/" + cora.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        admin.patch("/api/cities/" + town, Api.json("joinPolicy", "APPROVAL")).expect(200);
        rex.post("/api/cities/" + town + "/members", null).expect(202);
        JsonObject request = Notified.await(cora, Notified.kind("join-request"));
        assertEquals(town, request.getString("city"));
        assertEquals(rex.id(), request.getJsonNumber("actorId").longValue());
        assertEquals("Rex Requester", request.getString("actorName"));
        cora.post("/api/cities/" + town + "/requests/" + rex.id() + "/approve", null).expect(200);
        JsonObject answer = Notified.await(rex, Notified.kind("join-answer"));
        assertEquals("approved", answer.getString("detail"));
        assertEquals(town, answer.getString("city"));
        assertEquals(0, Notified.page(olga).getInt("total"), "members who do not coordinate hear nothing");
        assertEquals(1, Notified.page(cora).getInt("total"), "the coordinator hears nothing of her own answer");
    }

    @Test
    void anInviteeHearsOfTheInvitationAndCoAuthorsOfEachOthersVersionsAndOfForksTheyMayNotSee(Api api) {
        TestUser ana = TestUser.register(api, "Ana Author");
        TestUser ben = TestUser.register(api, "Ben Coauthor");
        long work = ana.post("/api/works", Api.json("title", "River cities", "content", "One")).expect(201)
                .object().getJsonNumber("id").longValue();
        ana.post("/api/works/" + work + "/authors", Api.json("accountId", ben.id())).expect(200);
        JsonObject invited = Notified.await(ben, Notified.kind("work-invitation"));
        assertEquals(work, invited.getJsonNumber("work").longValue());
        assertEquals("River cities", invited.getString("workTitle"));
        assertEquals(ana.id(), invited.getJsonNumber("actorId").longValue());
        ben.patch("/api/works/" + work, Api.json("content", "One two", "message", "ben")).expect(200);
        JsonObject version = Notified.await(ana, Notified.kind("work-version"));
        assertEquals(work, version.getJsonNumber("work").longValue());
        assertEquals("River cities", version.getString("workTitle"));
        assertEquals(ben.id(), version.getJsonNumber("actorId").longValue());
        ana.post("/api/works/" + work + "/publish", Api.json("audience", "everyone")).expect(200);
        ben.post("/api/works/" + work + "/publish", Api.json()).expect(200);
        TestUser cai = TestUser.register(api, "Cai Forker");
        long fork = cai.post("/api/works/" + work + "/fork", Api.json()).expect(201).object().getJsonNumber("id")
                .longValue();
        for (TestUser author : List.of(ana, ben)) {
            JsonObject forked = Notified.await(author, Notified.kind("work-fork"));
            assertEquals(work, forked.getJsonNumber("work").longValue());
            assertEquals(cai.id(), forked.getJsonNumber("actorId").longValue());
            assertTrue(!forked.containsKey("fork") || forked.isNull("fork"),
                    "cai's fork is a draft the authors cannot see: " + forked);
            author.get("/api/works/" + fork).expect(404);
        }
        Notified.sleep(500);
        assertEquals(List.of("work-fork", "work-invitation"),
                Notified.items(ben).stream().map(n -> n.getString("kind")).toList(),
                "ben hears of the invitation and the fork, nothing of his own version");
        assertEquals(0, Notified.page(cai).getInt("total"), "cai hears nothing of his own fork");
    }
}
