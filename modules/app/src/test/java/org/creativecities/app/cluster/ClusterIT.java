package org.creativecities.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.OwnServerLane;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.PostgresDatabase;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three packaged nodes on one fresh PostgreSQL database, joined by Payara Micro's clustering (tcpip on 127.0.0.1,
 * a cluster name and ports of this run's own): people on different nodes chat in one room and each receives every
 * message once, in seq order; a ticket issued on one node opens a connection on another, once; a sign-out on one
 * node closes the session's connection on another; and a node killed with SIGKILL while people post: its clients
 * reconnect to the others and resume by seq with nothing lost or doubled, the others' clients see no error or reset.
 *
 * <p>Without {@code -Dccc.it.postgresql.url} the class is skipped with a loud message on a developer's machine, and
 * fails on CI ({@code CI=true}).
 */
@OwnServerLane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String CITY = "tartu";
    private static final int POSTS = 40;

    private static final List<PackagedServer> NODES = new ArrayList<>();
    private static PostgresDatabase.Fresh database;
    private static TestUser admin;
    private static long room;

    @BeforeAll
    static void boot() {
        database = PostgresDatabase.requiredFor("THE CLUSTER TEST").freshDatabase("cluster");
        String name = "ccc-it-" + UUID.randomUUID();
        int[] ports = {PackagedServer.freePort(), PackagedServer.freePort(), PackagedServer.freePort()};
        String members = LongStream.of(ports[0], ports[1], ports[2]).mapToObj(p -> "127.0.0.1:" + p)
                .collect(Collectors.joining(","));
        for (int i = 0; i < 3; i++) {
            NODES.add(PackagedServer.builder("cluster-node-" + (char) ('a' + i))
                    .env(database.environment())
                    .env(Map.of("CCC_CLUSTER_MODE", "tcpip", "CCC_CLUSTER_NAME", name,
                            "CCC_CLUSTER_MEMBERS", members, "CCC_CLUSTER_INTERFACES", "127.0.0.1",
                            "CCC_CLUSTER_START_PORT", Integer.toString(ports[i])))
                    .env("CCC_HTTP_TRUSTED_PROXIES", "127.0.0.1")
                    .env("CCC_AUTH_IP_ATTEMPTS_PER_MINUTE", "10000")
                    .env("CCC_LIVE_CONNECTION_FRAMES_PER_MINUTE", "100000")
                    .env("CCC_LIVE_USER_FRAMES_PER_MINUTE", "100000")
                    .build());
        }
        // All three boot at once on the fresh database: the first to take the start-up lock (SharedDatabase) migrates
        // and seeds it, the others wait for it and find it done.
        CompletableFuture.allOf(NODES.stream().map(n -> CompletableFuture.runAsync(n::start))
                .toArray(CompletableFuture[]::new)).join();
        TestUser.sameAdminOn(NODES);
        admin = TestUser.admin(NODES.get(0));
    }

    @AfterAll
    static void shutdown() {
        NODES.forEach(PackagedServer::stop);
    }

    private static PackagedServer node(int i) {
        return NODES.get(i);
    }

    @Test
    @Order(2)
    void peopleOnDifferentNodesChatInOneRoomWithNoLossDuplicateOrReorder() throws Exception {
        List<TestUser> people = registered(3, "Cl Poster");
        room = Rooms.generalRoom(admin, CITY);
        List<LiveClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                clients.add(LiveClient.open(people.get(i).on(node(i).api())));
            }
            long first = joinAll(clients, null);
            // Presence is cluster-wide: the person on node a hears of the two who joined on b and c.
            for (int i = 1; i < 3; i++) {
                long id = people.get(i).id();
                clients.get(0).await(f -> isPresence(f, "joined", id));
            }
            List<CompletableFuture<List<Long>>> posting = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                LiveClient c = clients.get(p);
                String tag = "chat" + p;
                posting.add(CompletableFuture.supplyAsync(() -> post(c, tag, 0, POSTS)));
            }
            List<Long> acked = new ArrayList<>();
            posting.forEach(f -> acked.addAll(f.join()));
            long last = first + 3L * POSTS;
            assertEquals(range(first, last), acked.stream().sorted().toList(), "one seq per post, no gap");
            for (LiveClient c : clients) {
                c.await(f -> isMessage(f) && seq(f) == last);
                assertEquals(range(first, last), messageSeqs(c), "every node delivers every message once, in order");
            }
        } finally {
            clients.forEach(LiveClient::close);
        }
    }

    @Test
    @Order(3)
    void aTicketIssuedOnOneNodeOpensAConnectionOnAnotherOnce() {
        TestUser someone = registered(1, "Cl Ticket").get(0);
        String ticket = someone.on(node(0).api()).post("/api/live/tickets", null).expect(201).object()
                .getString("ticket");
        try (LiveClient onB = LiveClient.connect(node(1).baseUri(), "ticket=" + ticket, Map.of())) {
            assertTrue(onB.frames("hello").size() == 1);
            try (LiveClient again = LiveClient.connectNotReading(node(2).baseUri(), "ticket=" + ticket, Map.of())) {
                assertEquals(1008, again.awaitClose(), "the ticket was used up on node b");
            }
        }
    }

    @Test
    @Order(4)
    void aSignOutOnOneNodeClosesTheSessionsConnectionOnAnother() {
        TestUser first = registered(1, "Cl Session").get(0);
        TestUser second = TestUser.signIn(node(0).api(), first.email(), TestUser.PASSWORD, TestUser.freshIp());
        try (LiveClient onB = LiveClient.open(second.on(node(1).api()));
             LiveClient otherSession = LiveClient.open(first.on(node(2).api()))) {
            second.on(node(0).api()).delete("/api/sessions/current").expect(204);
            assertEquals(4401, onB.awaitClose(), "the signed-out session's connection on node b is closed");
            assertTrue(!otherSession.isClosed(), "the person's other session goes on");
        }
    }

    @Test
    @Order(5)
    void aNodeKilledUnderLoadCostsItsClientsAReconnectAndNothingIsLostOrDoubled() throws Exception {
        List<TestUser> people = registered(6, "Cl Kill");
        // Posters on a, b and c; readers on a and c; and one on c who will not come back.
        int[] at = {0, 1, 2, 0, 2, 2};
        List<LiveClient> clients = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            clients.add(LiveClient.open(people.get(i).on(node(at[i]).api())));
        }
        List<LiveClient> reconnected = new ArrayList<>();
        try {
            long first = joinAll(clients, null);
            CompletableFuture<List<Long>> onA = CompletableFuture.supplyAsync(() -> post(clients.get(0), "ka", 0, POSTS));
            CompletableFuture<List<Long>> onB = CompletableFuture.supplyAsync(() -> post(clients.get(1), "kb", 0, POSTS));
            LiveClient posterC = clients.get(2);
            List<Long> acked = new ArrayList<>(post(posterC, "kc", 0, POSTS / 2));
            // Ten more in flight, unanswered, as node c dies.
            for (int i = POSTS / 2; i < POSTS / 2 + 10; i++) {
                posterC.send(Rooms.post(room, "kc-" + i, "kc number " + i));
            }
            node(2).kill();

            // c's poster comes back on a, resumes from what it saw, and sends the ten again (same ids) and the rest.
            List<Long> posterCBefore = messageSeqs(posterC);
            LiveClient posterC2 = LiveClient.open(people.get(2).on(node(0).api()));
            reconnected.add(posterC2);
            resume(posterC2, posterCBefore, first);
            acked.addAll(post(posterC2, "kc", POSTS / 2, POSTS));
            // c's reader comes back on b.
            List<Long> readerCBefore = messageSeqs(clients.get(4));
            LiveClient readerC2 = LiveClient.open(people.get(4).on(node(1).api()));
            reconnected.add(readerC2);
            resume(readerC2, readerCBefore, first);

            acked.addAll(onA.join());
            acked.addAll(onB.join());
            long last = first + 3L * POSTS;
            assertEquals(range(first, last), acked.stream().sorted().toList(),
                    "every post stored once: the ten sent again were answered as duplicates or stored now");
            long gone = people.get(5).id();
            for (LiveClient c : List.of(clients.get(0), clients.get(1), clients.get(3))) {
                c.await(f -> isMessage(f) && seq(f) == last);
                c.await(f -> isPresence(f, "left", gone));
                // Whoever came back on another node is (again) online for the survivors.
                for (int back : new int[] {2, 4}) {
                    long id = people.get(back).id();
                    c.await(f -> onlineAtTheEnd(c, id));
                }
                assertEquals(range(first, last), messageSeqs(c), "a survivor's client misses nothing");
                Set<String> types = c.frames().stream().map(f -> f.getString("type")).collect(Collectors.toSet());
                assertTrue(Set.of("hello", "welcome", "message", "ack", "presence", "typing").containsAll(types),
                        "a survivor's client sees no error or reset: " + types);
            }
            for (int i = 0; i < 2; i++) {
                List<Long> before = i == 0 ? posterCBefore : readerCBefore;
                LiveClient again = reconnected.get(i);
                again.await(f -> isMessage(f) && seq(f) == last);
                List<Long> all = new ArrayList<>(before);
                all.addAll(messageSeqs(again));
                assertEquals(range(first, last), all, "before the kill and after the resume: each once, in order");
            }
            assertGapFreeInTheDatabase(last);
        } finally {
            clients.forEach(ClusterIT::closeQuietly);
            reconnected.forEach(ClusterIT::closeQuietly);
        }
    }

    /** Joins the room from each client; the room's last seq the welcomes named (all the same). */
    private static long joinAll(List<LiveClient> clients, Long since) {
        long latest = -1;
        for (int i = 0; i < clients.size(); i++) {
            JsonObject welcome = clients.get(i).send(Rooms.join(room, since, "j" + i)).reply("j" + i);
            latest = welcome.getJsonNumber("latestSeq").longValue();
        }
        return latest;
    }

    /** Joins again on another node, from the last seq the client saw before its node died. */
    private static void resume(LiveClient c, List<Long> seen, long first) {
        long since = seen.isEmpty() ? first : seen.get(seen.size() - 1);
        assertEquals(range(first, since), seen, "before the kill, in order");
        c.send(Rooms.join(room, since, "resume")).reply("resume");
    }

    /** Posts {@code tag-from} to {@code tag-(to-1)}, waiting for the answer of every tenth; the seqs acked. */
    private static List<Long> post(LiveClient c, String tag, int from, int to) {
        for (int i = from; i < to; i++) {
            c.send(Rooms.post(room, tag + "-" + i, tag + " number " + i));
            if (i % 10 == 9) {
                c.reply("f-" + tag + "-" + i);
            }
        }
        List<Long> seqs = new ArrayList<>();
        for (int i = from; i < to; i++) {
            JsonObject ack = c.reply("f-" + tag + "-" + i);
            assertEquals("ack", ack.getString("type"), ack.toString());
            // A post sent again after its node died is answered as a duplicate with its seq: counted here once.
            seqs.add(ack.getJsonNumber("seq").longValue());
        }
        return seqs;
    }

    private static List<TestUser> registered(int n, String name) {
        List<TestUser> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(TestUser.register(node(i % 2).api(), name + i));
        }
        Rooms.members(admin, CITY, people.toArray(TestUser[]::new));
        return people;
    }

    private static List<Long> messageSeqs(LiveClient c) {
        return c.frames().stream().filter(ClusterIT::isMessage).map(ClusterIT::seq).toList();
    }

    private static boolean isPresence(JsonObject f, String event, long account) {
        return f.getString("type").equals("presence") && f.getString("event").equals(event)
                && f.getJsonObject("user").getJsonNumber("id").longValue() == account;
    }

    /** Whether the client, from its welcome's online list and the presence frames after it, has the person online. */
    private static boolean onlineAtTheEnd(LiveClient c, long account) {
        boolean online = false;
        for (JsonObject f : c.frames()) {
            if (f.getString("type").equals("welcome") && f.containsKey("online")) {
                online = f.getJsonArray("online").getValuesAs(JsonObject.class).stream()
                        .anyMatch(u -> u.getJsonNumber("id").longValue() == account);
            } else if (isPresence(f, "joined", account)) {
                online = true;
            } else if (isPresence(f, "left", account)) {
                online = false;
            }
        }
        return online;
    }

    private static boolean isMessage(JsonObject f) {
        return f.getString("type").equals("message") && f.getJsonNumber("room").longValue() == room;
    }

    private static long seq(JsonObject f) {
        return f.getJsonNumber("seq").longValue();
    }

    private static List<Long> range(long after, long last) {
        return LongStream.rangeClosed(after + 1, last).boxed().toList();
    }

    private static void closeQuietly(LiveClient c) {
        try {
            c.close();
        } catch (RuntimeException e) {
            // Its node was killed.
        }
    }

    private static void assertGapFreeInTheDatabase(long last) throws SQLException {
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("SELECT seq FROM room_event WHERE room_id = ? ORDER BY seq")) {
            s.setLong(1, room);
            List<Long> seqs = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    seqs.add(r.getLong(1));
                }
            }
            assertEquals(range(0, last), seqs, "the room's events in PostgreSQL: one per seq, no gap");
        }
    }
}
