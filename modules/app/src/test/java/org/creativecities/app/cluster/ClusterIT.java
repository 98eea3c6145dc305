package org.creativecities.app.cluster;

import static org.creativecities.app.cluster.ClusterNodes.MAX_FAILURES;
import static org.creativecities.app.cluster.ClusterNodes.PER_MINUTE;
import static org.creativecities.app.cluster.ClusterNodes.admin;
import static org.creativecities.app.cluster.ClusterNodes.assertGapFreeInTheDatabase;
import static org.creativecities.app.cluster.ClusterNodes.isMessage;
import static org.creativecities.app.cluster.ClusterNodes.isPresence;
import static org.creativecities.app.cluster.ClusterNodes.joinAll;
import static org.creativecities.app.cluster.ClusterNodes.messageSeqs;
import static org.creativecities.app.cluster.ClusterNodes.node;
import static org.creativecities.app.cluster.ClusterNodes.onlineAtTheEnd;
import static org.creativecities.app.cluster.ClusterNodes.post;
import static org.creativecities.app.cluster.ClusterNodes.range;
import static org.creativecities.app.cluster.ClusterNodes.registered;
import static org.creativecities.app.cluster.ClusterNodes.resume;
import static org.creativecities.app.cluster.ClusterNodes.room;
import static org.creativecities.app.cluster.ClusterNodes.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.Await;
import org.creativecities.app.testkit.OwnServerLane;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three packaged nodes on one fresh PostgreSQL database, joined by Payara Micro's clustering ({@link ClusterNodes}):
 * people on different nodes chat in one room and each receives every message once, in seq order; a ticket issued on
 * one node opens a connection on another, once; a sign-out on one node closes the session's connection on another;
 * sign-in failures, tickets, registrations and visitors' searches spread over the nodes count once; a catalogue
 * change on one node shows in the others' lists at once; a mention and its notification reach the person on another
 * node; and, last, a node killed with SIGKILL while people post: its clients reconnect to the others and resume by
 * seq with nothing lost or doubled, the others' clients see no error or reset.
 *
 * <p>Without {@code -Dccc.it.postgresql.url} the class is skipped with a loud message on a developer's machine, and
 * fails on CI ({@code CI=true}).
 */
@OwnServerLane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final int POSTS = 40;

    @BeforeAll
    static void boot() {
        ClusterNodes.boot();
    }

    @AfterAll
    static void shutdown() {
        ClusterNodes.stop();
    }

    @Test
    @Order(2)
    void peopleOnDifferentNodesChatInOneRoomWithNoLossDuplicateOrReorder() throws Exception {
        List<TestUser> people = registered(3, "Cl Poster");
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
    void signInFailuresSpreadOverTheNodesLockOutAsOnOneNode() {
        TestUser owner = registered(1, "Cl Guard").get(0);
        String guesser = TestUser.freshIp();
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertEquals(401, signIn(i % 3, guesser, owner.email(), "wrong " + i).status(), "failure " + i);
        }
        for (int i = 1; i < 3; i++) {
            Api.Response refused = signIn(i, guesser, owner.email(), TestUser.PASSWORD);
            assertEquals(429, refused.status(), "the pair is locked out on node " + i + ": " + refused.body());
            assertTrue(refused.body().contains("failed sign-ins"), refused.body());
        }
        assertEquals(429, signIn(2, TestUser.freshIp(), owner.email(), TestUser.PASSWORD).status(),
                "a stranger's address waits for the email too");
        assertEquals(201, signIn(2, owner.ip(), owner.email(), TestUser.PASSWORD).status(),
                "the owner's address, known from its sign-in on node a, goes in at once");
    }

    @Test
    @Order(6)
    void ticketsRegistrationsAndVisitorSearchesAreCountedOnceAcrossTheNodes() {
        TestUser someone = registered(1, "Cl Rate").get(0);
        String registering = TestUser.freshIp();
        String visitor = TestUser.freshIp();
        for (int i = 0; i < PER_MINUTE; i++) {
            someone.on(node(i % 3).api()).post("/api/live/tickets", null).expect(201);
            TestUser.send(node(i % 3).api(), registering, "POST", "/api/accounts", Api.json("email",
                    "cl.rate." + i + "." + System.nanoTime() + "@example.org", "displayName", "Cl Rate",
                    "password", TestUser.PASSWORD)).expect(202);
            TestUser.send(node(i % 3).api(), visitor, "GET", "/api/search?q=tartu", null).expect(200, 503);
        }
        for (int i = 0; i < 3; i++) {
            someone.on(node(i).api()).post("/api/live/tickets", null).expect(429);
            TestUser.send(node(i).api(), registering, "POST", "/api/accounts", Api.json("email",
                    "cl.rate.x" + i + "." + System.nanoTime() + "@example.org", "displayName", "Cl Rate",
                    "password", TestUser.PASSWORD)).expect(429);
            TestUser.send(node(i).api(), visitor, "GET", "/api/search?q=tartu", null).expect(429);
        }
    }

    @Test
    @Order(7)
    void aCatalogueChangeOnOneNodeShowsInTheOtherNodesListsAtOnce() {
        String name = "Clustertown " + System.nanoTime();
        String list = "/api/cities?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        String field = "cl-craft-" + System.nanoTime() % 1_000_000;
        admin().post("/api/fields", Api.json("slug", field, "name", "Clustered craft", "description", "One.",
                "since", 2026)).expect(201);
        for (int i = 1; i < 3; i++) {
            assertEquals(0, node(i).api().get(list).expect(200).object().getInt("total"), "node " + i + " lists");
            assertEquals("Clustered craft", node(i).api().get("/api/fields/" + field).expect(200).object()
                    .getString("name"), "node " + i + " has the field");
        }
        String slug = admin().post("/api/cities", Api.json("name", name, "countryCode", "EE", "joinPolicy", "OPEN"))
                .expect(201).object().getString("slug");
        admin().post("/api/cities/" + slug + "/designations", Api.json("field", field, "year", 2026)).expect(201);
        admin().patch("/api/fields/" + field, Api.json("name", "Clustered crafts", "description", "Two."))
                .expect(200);
        for (int i = 1; i < 3; i++) {
            Api api = node(i).api();
            Await.until(() -> api.get(list).expect(200).object(), page -> page.getInt("total") == 1
                    && field.equals(page.getJsonArray("items").getJsonObject(0).getString("field", "")),
                    Duration.ofSeconds(10), "node " + i + " lists the city created on node a, with its field");
            Await.until(() -> api.get("/api/fields/" + field).expect(200).object().getString("name"),
                    "Clustered crafts"::equals, Duration.ofSeconds(10), "node " + i + " has the field's new name");
        }
    }

    @Test
    @Order(8)
    void aMentionAndItsNotificationReachThePersonsConnectionOnAnotherNode() {
        List<TestUser> people = registered(2, "Cl Mention");
        long mentioned = people.get(1).id();
        try (LiveClient author = LiveClient.open(people.get(0).on(node(0).api()));
             LiveClient onB = LiveClient.open(people.get(1).on(node(1).api()));
             LiveClient onC = LiveClient.open(people.get(1).on(node(2).api()))) {
            author.send(Rooms.join(room(), null, "j")).reply("j");
            long seq = seq(author.send(Rooms.post(room(), "m1", "Hello @[" + mentioned + "]!")).reply("f-m1"));
            for (LiveClient c : List.of(onB, onC)) {
                c.await(f -> f.getString("type").equals("mention") && seq(f) == seq);
                c.await(f -> f.getString("type").equals("notification")
                        && f.getJsonObject("notification").getString("kind").equals("mention"));
            }
        }
    }

    @Test
    @Order(99)
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
                posterC.send(Rooms.post(room(), "kc-" + i, "kc number " + i));
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
            clients.forEach(ClusterNodes::closeQuietly);
            reconnected.forEach(ClusterNodes::closeQuietly);
        }
    }

    private static Api.Response signIn(int node, String ip, String email, String password) {
        return TestUser.send(node(node).api(), ip, "POST", "/api/sessions", Api.json("email", email, "password",
                password));
    }
}
