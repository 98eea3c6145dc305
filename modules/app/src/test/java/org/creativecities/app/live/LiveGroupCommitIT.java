package org.creativecities.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.creativecities.app.plugins.PluginAdmin;
import org.creativecities.app.plugins.PluginJars;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Posts are stored in batches by the room's writer (group commit): many people posting at once into one room, with
 * retries and refused posts mixed in, still get exactly one answer per post, and everyone sees one gap-free order.
 * Presence is announced per person, not per connection.
 */
@ExtendWith(SharedServer.class)
class LiveGroupCommitIT {

    private static final int POSTERS = 4;
    private static final int POSTS = 40;

    @Test
    void manyConcurrentPostersGetOneAnswerEachAndEveryoneSeesOneContiguousOrder(PackagedServer server, Api api)
            throws Exception {
        PluginAdmin plugins = PluginAdmin.of(server);
        plugins.install(PluginJars.built("good"));
        try {
            TestUser admin = TestUser.admin(server);
            List<TestUser> posters = new ArrayList<>();
            for (int i = 0; i < POSTERS; i++) {
                posters.add(TestUser.register(api, "Gc" + i));
            }
            TestUser reader = TestUser.register(api, "GcReader");
            List<TestUser> everyone = new ArrayList<>(posters);
            everyone.add(reader);
            Rooms.members(admin, "dunedin", everyone.toArray(TestUser[]::new));
            long room = Rooms.generalRoom(reader, "dunedin");

            List<LiveClient> clients = new ArrayList<>();
            try {
                for (TestUser p : posters) {
                    clients.add(LiveClient.open(p));
                }
                LiveClient r1 = LiveClient.open(reader);
                LiveClient r2 = LiveClient.open(reader);
                clients.add(r1);
                clients.add(r2);
                long start = -1;
                for (int i = 0; i < clients.size(); i++) {
                    start = clients.get(i).send(Rooms.join(room, null, "j" + i)).reply("j" + i)
                            .getJsonNumber("latestSeq").longValue();
                }
                long first = start;

                // Every poster sends its posts as fast as it can, all at once: each post i is followed at once by
                // a retry of itself (same client id) every 5th time, a post answering a message that does not
                // exist every 7th time, and a post the good plugin's hook vetoes every 11th time.
                List<CompletableFuture<Void>> sending = new ArrayList<>();
                for (int p = 0; p < POSTERS; p++) {
                    LiveClient c = clients.get(p);
                    int poster = p;
                    sending.add(CompletableFuture.runAsync(() -> {
                        for (int i = 0; i < POSTS; i++) {
                            String id = "g" + poster + "-" + i;
                            if (i % 7 == 3) {
                                c.send(Api.json("type", "post", "room", room, "clientMessageId", id, "text",
                                        "a reply to nothing", "replyTo", 999_999, "id", "f-" + id));
                            } else if (i % 11 == 4) {
                                c.send(Rooms.post(room, id, "please #veto this"));
                            } else {
                                c.send(Rooms.post(room, id, "from " + poster + " number " + i));
                                if (i % 5 == 0) {
                                    c.send(Api.json("type", "post", "room", room, "clientMessageId", id, "text",
                                            "from " + poster + " number " + i, "id", "retry-" + id));
                                }
                            }
                        }
                    }));
                }
                CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();

                // One answer per post: an ack (the retries: the same seq, duplicate) or an error for that post only.
                Map<Long, String> clientIdBySeq = new HashMap<>();
                int stored = 0;
                for (int p = 0; p < POSTERS; p++) {
                    LiveClient c = clients.get(p);
                    for (int i = 0; i < POSTS; i++) {
                        String id = "g" + p + "-" + i;
                        JsonObject answer = c.reply("f-" + id);
                        if (i % 7 == 3) {
                            assertEquals("error", answer.getString("type"), answer.toString());
                            assertEquals("bad-frame", answer.getString("code"), answer.toString());
                            continue;
                        }
                        if (i % 11 == 4) {
                            assertEquals("error", answer.getString("type"), answer.toString());
                            assertEquals("vetoed", answer.getString("code"), answer.toString());
                            continue;
                        }
                        assertEquals("ack", answer.getString("type"), answer.toString());
                        assertFalse(answer.getBoolean("duplicate"), answer.toString());
                        long seq = answer.getJsonNumber("seq").longValue();
                        assertEquals(null, clientIdBySeq.put(seq, id), "one seq per stored message");
                        stored++;
                        if (i % 5 == 0) {
                            JsonObject retry = c.reply("retry-" + id);
                            assertEquals("ack", retry.getString("type"), retry.toString());
                            assertTrue(retry.getBoolean("duplicate"), retry.toString());
                            assertEquals(seq, retry.getJsonNumber("seq").longValue(), "a retry names the original");
                        }
                    }
                    for (String id : List.of("f-", "retry-")) {
                        long answers = c.frames().stream().filter(f -> f.getString("id", "").startsWith(id + "g"))
                                .count();
                        long expected = id.equals("f-") ? POSTS
                                : LongStream.range(0, POSTS).filter(i -> i % 5 == 0 && i % 7 != 3 && i % 11 != 4)
                                        .count();
                        assertEquals(expected, answers, "exactly one answer per post");
                    }
                }

                // The stored messages have the room's next seqs, without a gap, and every connection in the room
                // receives each once, in that order, with the same client id for the same seq.
                long last = first + stored;
                List<Long> expected = LongStream.rangeClosed(first + 1, last).boxed().toList();
                assertEquals(new HashSet<>(expected), clientIdBySeq.keySet());
                for (LiveClient c : clients) {
                    c.await(f -> Rooms.isMessage(f, room) && f.getJsonNumber("seq").longValue() == last);
                    List<JsonObject> messages = c.frames().stream().filter(f -> Rooms.isMessage(f, room)).toList();
                    assertEquals(expected, messages.stream().map(f -> f.getJsonNumber("seq").longValue()).toList());
                    for (JsonObject m : messages) {
                        assertEquals(clientIdBySeq.get(m.getJsonNumber("seq").longValue()),
                                m.getString("clientMessageId"));
                        assertFalse(m.getString("text").contains("#veto"), "a vetoed message is never broadcast");
                    }
                }

                // A late retry of a message stored in a batch is a duplicate too, and resume after the first seq
                // replays exactly the stored messages.
                String someId = clientIdBySeq.get(first + 1);
                int author = Integer.parseInt(someId.substring(1, someId.indexOf('-')));
                JsonObject late = clients.get(author).send(Api.json("type", "post", "room", room, "clientMessageId",
                        someId, "text", "again", "id", "late")).reply("late");
                assertTrue(late.getBoolean("duplicate"), late.toString());
                assertEquals(first + 1, late.getJsonNumber("seq").longValue());
                try (LiveClient resumed = LiveClient.open(reader)) {
                    JsonObject welcome = resumed.send(Rooms.join(room, first, "jr")).reply("jr");
                    assertEquals(stored, welcome.getInt("replay"));
                    resumed.await(f -> Rooms.isMessage(f, room) && f.getJsonNumber("seq").longValue() == last);
                    assertEquals(expected, resumed.frames().stream().filter(f -> Rooms.isMessage(f, room))
                            .map(f -> f.getJsonNumber("seq").longValue()).toList());
                }
            } finally {
                clients.forEach(LiveClient::close);
            }
        } finally {
            plugins.remove("test-good");
        }
    }

    /**
     * Posts that arrive in several rooms at once are stored in one transaction (group commit across rooms, counted
     * in the live check's {@code multiRoomCommits}), yet each room keeps its own gap-free order and every post gets
     * exactly one ack. A late retry in one room (its client id already stored, so the shared transaction is rolled
     * back at commit) gets its duplicate ack and costs the other rooms' posts nothing.
     */
    @Test
    void postsToManyRoomsAtOnceShareATransactionAndEachRoomKeepsItsOrder(PackagedServer server, Api api)
            throws Exception {
        TestUser admin = TestUser.admin(server);
        List<String> cities = List.of("nakuru", "jaipur", "helsinki", "bilbao", "bukhara", "ballarat");
        long multiBefore = FrameExchange.liveCount(admin, "multiRoomCommits");
        List<LiveClient> clients = new ArrayList<>();
        List<Long> rooms = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        try {
            for (int i = 0; i < cities.size(); i++) {
                TestUser poster = TestUser.register(api, "Mr" + i);
                Rooms.members(admin, cities.get(i), poster);
                long room = Rooms.generalRoom(poster, cities.get(i));
                LiveClient c = LiveClient.open(poster);
                starts.add(c.send(Rooms.join(room, null, "j")).reply("j").getJsonNumber("latestSeq").longValue());
                rooms.add(room);
                clients.add(c);
            }
            // Bursts: every poster sends 5 posts to its room at the same moment, until a transaction took several
            // rooms (a writer's turn takes the rooms waiting when it starts; a burst makes several wait). From the
            // second burst on, the first poster's burst starts with a retry of its very first post.
            int bursts = 0;
            while (bursts < 2 || (bursts < 30 && FrameExchange.liveCount(admin, "multiRoomCommits") == multiBefore)) {
                int burst = bursts++;
                List<CompletableFuture<Void>> sending = new ArrayList<>();
                for (int i = 0; i < clients.size(); i++) {
                    LiveClient c = clients.get(i);
                    long room = rooms.get(i);
                    int poster = i;
                    sending.add(CompletableFuture.runAsync(() -> {
                        if (poster == 0 && burst > 0) {
                            c.send(Api.json("type", "post", "room", room, "clientMessageId", "m0-0-0", "text",
                                    "again", "id", "again-" + burst));
                        }
                        for (int k = 0; k < 5; k++) {
                            c.send(Rooms.post(room, "m" + poster + "-" + burst + "-" + k, "burst " + burst));
                        }
                    }));
                }
                CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
                for (int i = 0; i < clients.size(); i++) {
                    for (int k = 0; k < 5; k++) {
                        clients.get(i).reply("f-m" + i + "-" + burst + "-" + k);
                    }
                }
            }
            assertTrue(FrameExchange.liveCount(admin, "multiRoomCommits") > multiBefore,
                    "no transaction stored several rooms' posts in " + bursts + " bursts");

            long firstSeqOfRoom0 = -1;
            for (int i = 0; i < clients.size(); i++) {
                LiveClient c = clients.get(i);
                long room = rooms.get(i);
                List<Long> acked = new ArrayList<>();
                for (int b = 0; b < bursts; b++) {
                    for (int k = 0; k < 5; k++) {
                        JsonObject ack = c.reply("f-m" + i + "-" + b + "-" + k);
                        assertEquals("ack", ack.getString("type"), ack.toString());
                        assertFalse(ack.getBoolean("duplicate"), ack.toString());
                        acked.add(ack.getJsonNumber("seq").longValue());
                    }
                }
                long start = starts.get(i);
                List<Long> expected = LongStream.rangeClosed(start + 1, start + 5L * bursts).boxed().toList();
                assertEquals(expected, acked, "room " + room + ": acks in the order sent, gap-free");
                long last = start + 5L * bursts;
                c.await(f -> Rooms.isMessage(f, room) && f.getJsonNumber("seq").longValue() == last);
                assertEquals(expected, c.frames().stream().filter(f -> Rooms.isMessage(f, room))
                        .map(f -> f.getJsonNumber("seq").longValue()).toList(), "room " + room + ": received once each");
                if (i == 0) {
                    firstSeqOfRoom0 = start + 1;
                }
            }
            for (int b = 1; b < bursts; b++) {
                JsonObject again = clients.get(0).reply("again-" + b);
                assertEquals("ack", again.getString("type"), again.toString());
                assertTrue(again.getBoolean("duplicate"), again.toString());
                assertEquals(firstSeqOfRoom0, again.getJsonNumber("seq").longValue(), "a retry names the original");
            }
        } finally {
            clients.forEach(LiveClient::close);
        }
    }

    @Test
    void presenceIsAnnouncedOncePerPersonNotPerConnection(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser kai = TestUser.register(api, "Kai");
        TestUser lou = TestUser.register(api, "Lou");
        Rooms.members(admin, "katowice", kai, lou);
        long room = Rooms.generalRoom(kai, "katowice");
        try (LiveClient watcher = LiveClient.open(kai)) {
            watcher.send(Rooms.join(room, null, "w")).reply("w");
            LiveClient lou1 = LiveClient.open(lou);
            LiveClient lou2 = LiveClient.open(lou);
            lou1.send(Rooms.join(room, null, "l1")).reply("l1");
            JsonObject second = lou2.send(Rooms.join(room, null, "l2")).reply("l2");
            Set<Long> online = new HashSet<>();
            second.getJsonArray("online").forEach(u -> online.add(u.asJsonObject().getJsonNumber("id").longValue()));
            assertEquals(Set.of(kai.id(), lou.id()), online, "online lists each person once");
            assertEquals(2, second.getJsonArray("online").size());

            // Lou's first connection leaving changes nothing for the others; the last one leaving does.
            lou1.close();
            lou2.send(Api.json("type", "typing", "room", room));
            watcher.await(f -> f.getString("type").equals("typing"));
            lou2.close();
            watcher.await(f -> f.getString("type").equals("presence") && f.getString("event").equals("left"));
            List<JsonObject> presence = watcher.frames("presence");
            assertEquals(List.of("joined", "left"), presence.stream().map(f -> f.getString("event")).toList(),
                    presence.toString());
            presence.forEach(f -> assertEquals(lou.id(), f.getJsonObject("user").getJsonNumber("id").longValue()));
        }
    }

    @Test
    void aConnectionsWritesTakeSeqsInTheOrderItSentThem(PackagedServer server, Api api) {
        // Posts wait for the room's writer; an edit, deletion or reaction sent after them must not overtake them.
        TestUser admin = TestUser.admin(server);
        TestUser ida = TestUser.register(api, "Ida");
        Rooms.members(admin, "dunedin", ida);
        long room = Rooms.generalRoom(ida, "dunedin");
        try (LiveClient c = LiveClient.open(ida)) {
            c.send(Rooms.join(room, null, "j")).reply("j");
            long target = c.send(Rooms.post(room, "o-target", "edit me")).reply("f-o-target").getJsonNumber("seq")
                    .longValue();
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 20; i++) {
                    c.send(Rooms.post(room, "o" + round + "-" + i, "message " + i));
                }
                c.send(Api.json("type", "edit", "room", room, "target", target, "text", "edit " + round,
                        "id", "ed" + round));
                c.send(Api.json("type", "react", "room", room, "target", target, "emoji", "👍",
                        "action", round % 2 == 0 ? "add" : "remove", "id", "re" + round));
                long edit = c.reply("ed" + round).getJsonNumber("seq").longValue();
                long react = c.reply("re" + round).getJsonNumber("seq").longValue();
                long lastPost = c.reply("f-o" + round + "-19").getJsonNumber("seq").longValue();
                assertTrue(lastPost < edit && edit < react,
                        "round " + round + ": last post " + lastPost + ", edit " + edit + ", reaction " + react);
            }
        }
    }
}
