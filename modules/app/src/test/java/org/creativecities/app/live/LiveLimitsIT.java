package org.creativecities.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.OwnServerLane;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The live-room limits and guarantees that need a server of their own: a small resume window, a short
 * slow-consumer grace, few connections per user, and a kill -9 while clients post (last, since it kills the server).
 */
@OwnServerLane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveLimitsIT {

    private static PackagedServer server;
    private static TestUser admin;

    @BeforeAll
    static void boot() {
        server = PackagedServer.builder("live-limits")
                .env("CCC_HTTP_TRUSTED_PROXIES", "127.0.0.1")
                .env("CCC_LIVE_RESUME_MAX", "5")
                .env("CCC_LIVE_SLOW_CONSUMER_GRACE", "PT10S")
                // The slow-consumer test floods about 45 MB in seconds and its healthy reader pauses for 4 of them,
                // some 20 MB behind: past the default size cap (16 Mi characters), which would rightly close it.
                // That test is about the stall criterion, so the cap here is well above its flood.
                .env("CCC_LIVE_OUTBOUND_QUEUE_CHARS", "134217728")
                .env("CCC_LIVE_PING_INTERVAL", "PT1S")
                .env("CCC_LIVE_MAX_CONNECTIONS_PER_USER", "3")
                .env("CCC_LIVE_CONNECTION_FRAMES_PER_MINUTE", "100000")
                .env("CCC_LIVE_USER_FRAMES_PER_MINUTE", "100000")
                .start();
        admin = TestUser.admin(server);
    }

    @AfterAll
    static void shutdown() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @Order(1)
    void aClientTooFarBehindGetsResetAndThenLiveEvents() {
        TestUser hana = TestUser.register(server.api(), "Hana");
        Rooms.members(admin, "dundee", hana);
        long room = Rooms.generalRoom(hana, "dundee");
        long seen;
        try (LiveClient c = LiveClient.open(hana)) {
            c.send(Rooms.join(room, null, "j")).reply("j");
            seen = c.send(Rooms.post(room, "first", "first")).reply("f-first").getJsonNumber("seq").longValue();
            for (int i = 0; i < 7; i++) {
                c.send(Rooms.post(room, "m" + i, "message " + i));
            }
            c.reply("f-m6");
        }
        try (LiveClient late = LiveClient.open(hana); LiveClient other = LiveClient.open(hana)) {
            JsonObject welcome = late.send(Rooms.join(room, seen, "back")).reply("back");
            assertEquals(0, welcome.getInt("replay"));
            JsonObject reset = late.await(f -> f.getString("type").equals("reset"));
            assertEquals(seen + 7, reset.getJsonNumber("latestSeq").longValue());
            other.send(Rooms.join(room, null, "j")).reply("j");
            long next = other.send(Rooms.post(room, "after", "after")).reply("f-after").getJsonNumber("seq")
                    .longValue();
            JsonObject live = late.await(f -> Rooms.isMessage(f, room));
            assertEquals(next, live.getJsonNumber("seq").longValue());
            assertTrue(late.frames("message").size() == 1, "nothing replayed before the live message");
        }
    }

    /**
     * A consumer that stops reading is closed; the room goes on for everyone else. The reader reads nothing for the
     * first seconds while posts pour in, like a healthy client on a busy machine: its socket buffers are small then,
     * and a room's writer sends whole batches at once, so many frames wait for it. That alone must not make it a
     * slow consumer (it did, with a limit on waiting frames alone: the CI failure of this test, where the poster,
     * in a busy full run, was closed after its first post). Only the client whose writes make no progress for the
     * grace time is closed.
     */
    @Test
    @Order(2)
    void aConsumerThatStopsReadingIsClosedAndTheRoomGoesOn() throws InterruptedException {
        TestUser ivo = TestUser.register(server.api(), "Ivo");
        TestUser jan = TestUser.register(server.api(), "Jan");
        TestUser kai = TestUser.register(server.api(), "Kai");
        Rooms.members(admin, "graz", ivo, jan, kai);
        long room = Rooms.generalRoom(ivo, "graz");
        int count = 1500;
        String text = "y".repeat(15_000);
        try (LiveClient poster = LiveClient.open(ivo);
             StalledClient reader = new StalledClient(server.api().base(), ticket(kai));
             StalledClient slow = new StalledClient(server.api().base(), ticket(jan))) {
            poster.send(Rooms.join(room, null, "j")).reply("j");
            reader.send(Rooms.join(room, null, "j").toString());
            slow.send(Rooms.join(room, null, "j").toString());
            for (TestUser joiner : List.of(kai, jan)) {
                poster.await(f -> f.getString("type").equals("presence") && f.getString("event").equals("joined")
                        && f.getJsonObject("user").getJsonNumber("id").longValue() == joiner.id());
            }
            Thread busy = new Thread(() -> {
                try {
                    Thread.sleep(4_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reader.startReading();
            });
            busy.start();
            for (int i = 0; i < count; i++) {
                poster.send(Rooms.post(room, "p" + i, text));
            }
            long last = poster.reply("f-p" + (count - 1)).getJsonNumber("seq").longValue();
            busy.join();
            assertTrue(reader.await(f -> Rooms.isMessage(f, room) && f.getJsonNumber("seq").longValue() == last,
                    60_000), "the reader got every message; it ended: " + reader.ended());
            assertEquals(count, reader.count(f -> Rooms.isMessage(f, room)));
            assertEquals(count, poster.frames("ack").size());
            assertFalse(reader.ended() || poster.isClosed(), "the reader and the poster stay connected");

            // The server closes with 1013 "slow consumer" once nothing has moved for the grace time (found by the
            // next sweep, at most a ping interval later). The posting may well end before that: the client that
            // stopped reading reads again only after the server's verdict, or it would be a client that merely
            // paused for less than the grace time, which must not be closed.
            assertTrue(awaitLog(": slow consumer", 60_000), "the server closed the connection that stopped reading");
            // The container drops the frames still waiting in the socket, and with them the close frame, so the
            // client sees its connection end (or reset) once it reads again, before it got everything.
            slow.startReading();
            assertTrue(slow.awaitEnd(30_000), "the connection that stopped reading ended");
            long got = slow.count(f -> Rooms.isMessage(f, room));
            assertTrue(got < count, "the slow client got " + got + " of the " + count + " messages");
            assertEquals(1, server.logText().split(": slow consumer", -1).length - 1,
                    "the server closed one slow consumer, and named the reason");
        }
    }

    /** Waits until the server's log contains {@code text}; false if it does not within {@code waitMillis}. */
    private static boolean awaitLog(String text, long waitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (!server.logText().contains(text)) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    private static String ticket(TestUser user) {
        return user.post("/api/live/tickets", null).expect(201).object().getString("ticket");
    }

    @Test
    @Order(3)
    void anAccountHasAtMostTheConfiguredNumberOfConnections() {
        TestUser kim = TestUser.register(server.api(), "Kim");
        List<LiveClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(LiveClient.open(kim));
            }
            String ticket = kim.post("/api/live/tickets", null).expect(201).object().getString("ticket");
            LiveClient fourth = LiveClient.connectNotReading(server.api().base(), "ticket=" + ticket, Map.of());
            open.add(fourth);
            fourth.resumeReading();
            assertEquals(1008, fourth.awaitClose());
            assertEquals("too many connections", fourth.closeReason());
        } finally {
            open.forEach(LiveClient::close);
        }
    }

    @Test
    @Order(4)
    void afterAKillDuringPostingEveryAckedMessageIsThere() throws Exception {
        TestUser lea = TestUser.register(server.api(), "Lea");
        TestUser max = TestUser.register(server.api(), "Max");
        Rooms.members(admin, "kortrijk", lea, max);
        long room = Rooms.generalRoom(lea, "kortrijk");
        Map<String, Long> acked = new HashMap<>();
        try (LiveClient a = LiveClient.open(lea); LiveClient b = LiveClient.open(max)) {
            a.send(Rooms.join(room, null, "j")).reply("j");
            b.send(Rooms.join(room, null, "j")).reply("j");
            Thread pa = new Thread(() -> postUntilClosed(a, room, "lea-"));
            Thread pb = new Thread(() -> postUntilClosed(b, room, "max-"));
            pa.start();
            pb.start();
            a.await(f -> f.getString("type").equals("ack") && f.getJsonNumber("seq").longValue() >= 100);
            server.kill();
            pa.join(30_000);
            pb.join(30_000);
            for (LiveClient c : List.of(a, b)) {
                for (JsonObject ack : c.frames("ack")) {
                    acked.put(ack.getString("clientMessageId"), ack.getJsonNumber("seq").longValue());
                }
            }
        }
        server.restart();
        Api api = server.api();
        Map<Long, String> stored = new HashMap<>();
        long after = 0;
        while (true) {
            var items = api.get("/api/rooms/" + room + "/history?after=" + after + "&limit=500").expect(200).object()
                    .getJsonArray("items");
            if (items.isEmpty()) {
                break;
            }
            for (var v : items) {
                JsonObject e = v.asJsonObject();
                after = e.getJsonNumber("seq").longValue();
                stored.put(after, e.getString("clientMessageId", ""));
            }
        }
        assertTrue(acked.size() >= 100, "acked " + acked.size());
        acked.forEach((clientId, seq) -> assertEquals(clientId, stored.get(seq), "acked message " + clientId));
        assertEquals(LongStream.rangeClosed(1, stored.size()).boxed().toList(),
                stored.keySet().stream().sorted().toList());
        System.out.println("kill -9 test: " + acked.size() + " acked, " + stored.size() + " stored");
    }

    private static void postUntilClosed(LiveClient c, long room, String prefix) {
        for (int i = 0; i < 5000 && !c.isClosed(); i++) {
            try {
                c.sendRaw(Rooms.post(room, prefix + i, "message " + i).toString()).get();
            } catch (java.util.concurrent.ExecutionException | IllegalStateException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
