package org.creativecities.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The live-room protocol on the packaged server, with real WebSocket clients. */
@ExtendWith(SharedServer.class)
class LiveRoomsIT {

    private static List<Long> messageSeqs(LiveClient c, long room) {
        return c.frames().stream().filter(f -> Rooms.isMessage(f, room)).map(f -> f.getJsonNumber("seq").longValue())
                .toList();
    }

    @Test
    void twoClientsPostAndEveryoneSeesTheMessagesAckedAndInOrder(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser ana = TestUser.register(api, "Ana");
        TestUser ben = TestUser.register(api, "Ben");
        Rooms.members(admin, "linz", ana, ben);
        long room = Rooms.generalRoom(ana, "linz");
        try (LiveClient a = LiveClient.open(ana); LiveClient b = LiveClient.open(ben)) {
            JsonObject welcomeA = a.send(Rooms.join(room, null, "ja")).reply("ja");
            assertEquals("welcome", welcomeA.getString("type"));
            assertEquals("discussion", welcomeA.getString("kind"));
            assertTrue(welcomeA.isNull("roomState"));
            long start = welcomeA.getJsonNumber("latestSeq").longValue();
            JsonObject welcomeB = b.send(Rooms.join(room, null, "jb")).reply("jb");
            assertTrue(welcomeB.getJsonArray("online").stream()
                    .anyMatch(u -> u.asJsonObject().getJsonNumber("id").longValue() == ana.id()));
            a.await(f -> f.getString("type").equals("presence") && f.getString("event").equals("joined"));

            for (int i = 0; i < 5; i++) {
                a.send(Rooms.post(room, "a" + i, "from Ana " + i));
                b.send(Rooms.post(room, "b" + i, "from Ben " + i));
            }
            JsonObject lastAckA = a.reply("f-a4");
            JsonObject lastAckB = b.reply("f-b4");
            assertEquals("ack", lastAckA.getString("type"));
            assertEquals("a4", lastAckA.getString("clientMessageId"));
            long last = start + 10;
            a.await(f -> Rooms.isMessage(f, room) && f.getJsonNumber("seq").longValue() == last);
            b.await(f -> Rooms.isMessage(f, room) && f.getJsonNumber("seq").longValue() == last);
            List<Long> expected = LongStream.rangeClosed(start + 1, last).boxed().toList();
            assertEquals(expected, messageSeqs(a, room));
            assertEquals(expected, messageSeqs(b, room));
            // Every ack names the sequence number of the message that everyone received with that client id.
            for (JsonObject ack : a.frames("ack")) {
                JsonObject message = b.await(f -> Rooms.isMessage(f, room)
                        && f.getJsonNumber("seq").longValue() == ack.getJsonNumber("seq").longValue());
                assertEquals(ack.getString("clientMessageId"), message.getString("clientMessageId"));
                assertEquals(ana.id(), message.getJsonObject("author").getJsonNumber("id").longValue());
            }
            assertTrue(lastAckB.getJsonNumber("seq").longValue() <= last);

            // Edits, deletions and reactions are sequenced events too.
            long target = lastAckA.getJsonNumber("seq").longValue();
            b.send(Api.json("type", "edit", "room", room, "target", target, "text", "not mine", "id", "e1"));
            assertEquals("forbidden", b.reply("e1").getString("code"));
            a.send(Api.json("type", "edit", "room", room, "target", target, "text", "edited", "id", "e2"));
            assertEquals(last + 1, a.reply("e2").getJsonNumber("seq").longValue());
            b.send(Api.json("type", "react", "room", room, "target", target, "emoji", "🎬", "id", "r1"));
            assertEquals(last + 2, b.reply("r1").getJsonNumber("seq").longValue());
            a.send(Api.json("type", "delete", "room", room, "target", target, "id", "d1"));
            assertEquals(last + 3, a.reply("d1").getJsonNumber("seq").longValue());
            JsonObject edit = b.await(f -> f.getString("type").equals("edit"));
            assertEquals("edited", edit.getString("text"));
            assertEquals("🎬", b.await(f -> f.getString("type").equals("reaction")).getString("emoji"));
            assertEquals(target, b.await(f -> f.getString("type").equals("delete")).getJsonNumber("target")
                    .longValue());

            // A reply in a thread names the message it answers; a reply to nothing is refused.
            long question = a.send(Rooms.post(room, "q1", "Who is coming to the screening?")).reply("f-q1")
                    .getJsonNumber("seq").longValue();
            b.send(Api.json("type", "post", "room", room, "clientMessageId", "t1", "text", "Me!", "replyTo", question,
                    "id", "t1"));
            long answer = b.reply("t1").getJsonNumber("seq").longValue();
            JsonObject reply = a.await(f -> Rooms.isMessage(f, room) && f.getJsonNumber("seq").longValue() == answer);
            assertEquals(question, reply.getJsonNumber("replyTo").longValue());
            b.send(Api.json("type", "post", "room", room, "clientMessageId", "t2", "text", "Me too", "replyTo",
                    999_999, "id", "t2"));
            assertEquals("bad-frame", b.reply("t2").getString("code"));

            // Typing reaches the others; plugin actions are refused in a discussion room.
            a.send(Api.json("type", "typing", "room", room));
            assertEquals(ana.id(), b.await(f -> f.getString("type").equals("typing")).getJsonObject("user")
                    .getJsonNumber("id").longValue());
            a.send(Api.json("type", "action", "room", room, "id", "x1"));
            assertEquals("unsupported-kind", a.reply("x1").getString("code"));
        }
    }

    @Test
    void aRetriedPostReturnsTheOriginalAckAndNoSecondMessage(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser cara = TestUser.register(api, "Cara");
        Rooms.members(admin, "sapporo", cara);
        long room = Rooms.generalRoom(cara, "sapporo");
        try (LiveClient c = LiveClient.open(cara)) {
            c.send(Rooms.join(room, null, "j")).reply("j");
            JsonObject first = c.send(Rooms.post(room, "same-id", "once")).reply("f-same-id");
            assertFalse(first.getBoolean("duplicate"));
            c.send(Api.json("type", "post", "room", room, "clientMessageId", "same-id", "text", "once", "id", "retry"));
            JsonObject again = c.reply("retry");
            assertTrue(again.getBoolean("duplicate"));
            assertEquals(first.getJsonNumber("seq"), again.getJsonNumber("seq"));
        }
        // On another connection too, and over REST the room holds one message.
        try (LiveClient c = LiveClient.open(cara)) {
            c.send(Rooms.join(room, null, "j")).reply("j");
            c.send(Api.json("type", "post", "room", room, "clientMessageId", "same-id", "text", "once", "id", "r2"));
            assertTrue(c.reply("r2").getBoolean("duplicate"));
        }
        assertEquals(1, api.get("/api/rooms/" + room + "/history").expect(200).object().getJsonArray("items").size());
    }

    @Test
    void aClientThatRejoinsWithSinceGetsExactlyWhatItMissed(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser dan = TestUser.register(api, "Dan");
        TestUser eve = TestUser.register(api, "Eve");
        Rooms.members(admin, "montreal", dan, eve);
        long room = Rooms.generalRoom(dan, "montreal");
        long seen;
        try (LiveClient d = LiveClient.open(dan); LiveClient e = LiveClient.open(eve)) {
            d.send(Rooms.join(room, null, "j")).reply("j");
            e.send(Rooms.join(room, null, "j")).reply("j");
            for (int i = 0; i < 3; i++) {
                e.send(Rooms.post(room, "before" + i, "before " + i));
            }
            seen = e.reply("f-before2").getJsonNumber("seq").longValue();
            d.await(f -> Rooms.isMessage(f, room) && f.getJsonNumber("seq").longValue() == seen);
        }
        // Dan is gone; Eve keeps posting, edits and reacts.
        long last;
        try (LiveClient e = LiveClient.open(eve)) {
            e.send(Rooms.join(room, seen, "j")).reply("j");
            for (int i = 0; i < 6; i++) {
                e.send(Rooms.post(room, "while" + i, "while away " + i));
            }
            long edited = e.reply("f-while0").getJsonNumber("seq").longValue();
            e.send(Api.json("type", "edit", "room", room, "target", edited, "text", "changed", "id", "ed"));
            last = e.reply("ed").getJsonNumber("seq").longValue();
        }
        try (LiveClient d = LiveClient.open(dan)) {
            JsonObject welcome = d.send(Rooms.join(room, seen, "again")).reply("again");
            assertEquals(last, welcome.getJsonNumber("latestSeq").longValue());
            assertEquals(last - seen, welcome.getInt("replay"));
            d.await(f -> f.containsKey("seq") && f.getJsonNumber("seq").longValue() == last);
            List<Long> replayed = d.frames().stream().filter(f -> f.containsKey("seq") && !f.getString("type")
                    .equals("ack")).map(f -> f.getJsonNumber("seq").longValue()).toList();
            assertEquals(LongStream.rangeClosed(seen + 1, last).boxed().toList(), replayed);
            assertEquals("edit", d.frames().get(d.frames().size() - 1).getString("type"));
            assertTrue(d.frames("reset").isEmpty());
        }
    }

    @Test
    void membersOnlyRoomsRefuseOutsidersAndRemovedMembersLoseThemAtOnce(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser coordinator = TestUser.register(api, "Tartu Coordinator");
        TestUser member = TestUser.register(api, "Tartu Member");
        TestUser outsider = TestUser.register(api, "Tartu Outsider");
        Rooms.members(admin, "tartu", coordinator, member);
        admin.put("/api/cities/tartu/members/" + coordinator.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        long space = coordinator.post("/api/spaces", Api.json("name", "Inner circle", "city", "tartu",
                "visibility", "MEMBERS_ONLY")).expect(201).object().getJsonNumber("id").longValue();
        long room = coordinator.post("/api/spaces/" + space + "/rooms", Api.json("name", "talk")).expect(201).object()
                .getJsonNumber("id").longValue();
        long publicRoom = Rooms.generalRoom(outsider, "tartu");

        try (LiveClient o = LiveClient.open(outsider); LiveClient m = LiveClient.open(member)) {
            assertEquals("not-found", o.send(Rooms.join(room, null, "j")).reply("j").getString("code"));
            o.send(Rooms.post(room, "x", "let me in"));
            assertEquals("not-joined", o.reply("f-x").getString("code"));
            // A public room: the outsider reads but cannot post.
            assertEquals("welcome", o.send(Rooms.join(publicRoom, null, "p")).reply("p").getString("type"));
            assertEquals("forbidden", o.send(Rooms.post(publicRoom, "y", "hello")).reply("f-y").getString("code"));

            m.send(Rooms.join(room, null, "j")).reply("j");
            assertEquals("ack", m.send(Rooms.post(room, "m1", "inside")).reply("f-m1").getString("type"));
            coordinator.delete("/api/cities/tartu/members/" + member.id()).expect(204);
            JsonObject revoked = m.await(f -> f.getString("type").equals("error")
                    && f.getString("code").equals("access-revoked"));
            assertEquals(room, revoked.getJsonNumber("room").longValue());
            assertEquals("not-joined", m.send(Rooms.post(room, "m2", "still?")).reply("f-m2").getString("code"));
            assertEquals("not-found", m.send(Rooms.join(room, null, "j2")).reply("j2").getString("code"));
        }
        // Visitors connect without credentials and read public rooms only.
        try (LiveClient v = LiveClient.connect(api.base(), null, Map.of())) {
            assertTrue(v.frames("hello").get(0).isNull("user"));
            assertEquals("welcome", v.send(Rooms.join(publicRoom, null, "p")).reply("p").getString("type"));
            assertEquals("not-found", v.send(Rooms.join(room, null, "j")).reply("j").getString("code"));
            assertEquals("unauthorized", v.send(Rooms.post(publicRoom, "v", "hi")).reply("f-v").getString("code"));
        }
    }

    @Test
    void theHandshakeRefusesForeignOriginsAndBadCredentials(PackagedServer server, Api api) throws Exception {
        TestUser fay = TestUser.register(api, "Fay");
        String ticket = fay.post("/api/live/tickets", null).expect(201).object().getString("ticket");
        assertRefused(api, "ticket=" + ticket, Map.of("Origin", "https://evil.example"));
        assertRefused(api, null, Map.of("Origin", "null"));

        // An allowed origin with the bearer header works.
        try (LiveClient ok = LiveClient.connect(api.base(), null,
                Map.of("Origin", "http://localhost:" + server.port(), "Authorization", "Bearer " + fay.token()))) {
            assertEquals(fay.id(), ok.frames("hello").get(0).getJsonObject("user").getJsonNumber("id").longValue());
        }
        // A ticket opens one connection only; a used or made-up ticket is refused with 1008.
        try (LiveClient first = LiveClient.connect(api.base(), "ticket=" + fresh(fay), Map.of())) {
            assertEquals(fay.id(), first.frames("hello").get(0).getJsonObject("user").getJsonNumber("id").longValue());
        }
        String used = fresh(fay);
        LiveClient.connect(api.base(), "ticket=" + used, Map.of()).close();
        try (LiveClient again = LiveClient.connectNotReading(api.base(), "ticket=" + used, Map.of())) {
            again.resumeReading();
            assertEquals(1008, again.awaitClose());
        }
        try (LiveClient bad = LiveClient.connectNotReading(api.base(), null, Map.of("Authorization", "Bearer nope"))) {
            bad.resumeReading();
            assertEquals(1008, bad.awaitClose());
        }
    }

    @Test
    void framesLargerThanTheLimitCloseTheConnectionWith1009(PackagedServer server, Api api) {
        TestUser gus = TestUser.register(api, "Gus");
        try (LiveClient c = LiveClient.open(gus)) {
            c.send(Api.json("type", "typing", "room", 1, "id", "t"));
            c.reply("t");
            c.sendRaw("{\"type\":\"post\",\"text\":\"" + "x".repeat(120_000) + "\"}");
            assertEquals(1009, c.awaitClose());
        }
    }

    @Test
    void aConnectionThatSendsTooFastGetsRateLimitedAndStaysOpen(PackagedServer server, Api api) {
        TestUser hal = TestUser.register(api, "Hal");
        try (LiveClient c = LiveClient.open(hal)) {
            // 400 frames at once: far over the 120 a connection may send per minute.
            for (int i = 0; i < 400; i++) {
                c.send(Api.json("type", "typing", "room", 1, "id", "t" + i));
            }
            c.await(f -> f.getString("id", "").equals("t399"));
            List<JsonObject> limited = c.frames("error").stream()
                    .filter(f -> f.getString("code").equals("rate-limited")).toList();
            assertTrue(limited.size() >= 400 - 120 - 10, "rate-limited frames: " + limited.size());
            assertFalse(c.isClosed());
        }
    }

    @Test
    void anAccountsConnectionsShareOneRateLimit(PackagedServer server, Api api) {
        TestUser ida = TestUser.register(api, "Ida");
        try (LiveClient c1 = LiveClient.open(ida); LiveClient c2 = LiveClient.open(ida); LiveClient c3 = LiveClient.open(ida)) {
            // 3 x 100 frames: each connection stays under its own 120 per minute, the account goes over its 240.
            List<LiveClient> all = List.of(c1, c2, c3);
            for (int i = 0; i < 100; i++) {
                for (LiveClient c : all) {
                    c.send(Api.json("type", "typing", "room", 1, "id", "u" + i));
                }
            }
            long limited = 0;
            for (LiveClient c : all) {
                c.await(f -> f.getString("id", "").equals("u99"));
                limited += c.frames("error").stream().filter(f -> f.getString("code").equals("rate-limited")).count();
            }
            assertTrue(limited >= 300 - 240 - 10, "rate-limited frames across the account: " + limited);
        }
    }

    private static String fresh(TestUser p) {
        return p.post("/api/live/tickets", null).expect(201).object().getString("ticket");
    }

    private static void assertRefused(Api api, String query, Map<String, String> headers) throws Exception {
        try {
            LiveClient.attempt(api.base(), query, headers).get(20, TimeUnit.SECONDS).abort();
            throw new AssertionError("The handshake with " + headers + " was accepted");
        } catch (ExecutionException e) {
            assertTrue(e.getCause() instanceof java.net.http.WebSocketHandshakeException, e.toString());
            assertEquals(403, ((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
        } catch (TimeoutException e) {
            throw new AssertionError("The handshake neither failed nor succeeded", e);
        }
    }
}
