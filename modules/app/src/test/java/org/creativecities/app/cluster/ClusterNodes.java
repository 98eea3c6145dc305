package org.creativecities.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.PostgresDatabase;
import org.creativecities.app.testkit.TestUser;

/**
 * The three clustered nodes of {@link ClusterIT} on one fresh PostgreSQL database, and what its tests do with them:
 * people registered and made members of the test city, posts and joins, and the frames' arithmetic.
 */
final class ClusterNodes {

    static final String CITY = "tartu";
    /** Wrong passwords in a row that lock a source out ({@code ccc.auth.max-failures}). */
    static final int MAX_FAILURES = 4;
    /** Sign-ins and registrations per address, live tickets per account, searches per visitor: per minute. */
    static final int PER_MINUTE = 6;

    private static final List<PackagedServer> NODES = new ArrayList<>();
    private static PostgresDatabase.Fresh database;
    private static TestUser admin;
    private static long room;

    private ClusterNodes() {
    }

    /** Boots the three nodes at once on a fresh database, with this run's own cluster name and ports. */
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
                    // Every test person signs in from an address of their own: the limits per address stay low.
                    .env("CCC_AUTH_IP_ATTEMPTS_PER_MINUTE", Integer.toString(PER_MINUTE))
                    .env("CCC_AUTH_MAX_FAILURES", Integer.toString(MAX_FAILURES))
                    .env("CCC_LIVE_TICKETS_PER_MINUTE", Integer.toString(PER_MINUTE))
                    .env("CCC_SEARCH_VISITOR_QUERIES_PER_MINUTE", Integer.toString(PER_MINUTE))
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

    static void stop() {
        NODES.forEach(PackagedServer::stop);
    }

    static PackagedServer node(int i) {
        return NODES.get(i);
    }

    /** The first administrator, signed in on node a. */
    static TestUser admin() {
        return admin;
    }

    /** The test city's general room (looked up once). */
    static long room() {
        if (room == 0) {
            room = Rooms.generalRoom(admin, CITY);
        }
        return room;
    }

    /** Joins the room from each client; the room's last seq the welcomes named (all the same). */
    static long joinAll(List<LiveClient> clients, Long since) {
        long latest = -1;
        for (int i = 0; i < clients.size(); i++) {
            JsonObject welcome = clients.get(i).send(Rooms.join(room(), since, "j" + i)).reply("j" + i);
            latest = welcome.getJsonNumber("latestSeq").longValue();
        }
        return latest;
    }

    /** Joins again on another node, from the last seq the client saw before its node died. */
    static void resume(LiveClient c, List<Long> seen, long first) {
        long since = seen.isEmpty() ? first : seen.get(seen.size() - 1);
        assertEquals(range(first, since), seen, "before the kill, in order");
        c.send(Rooms.join(room(), since, "resume")).reply("resume");
    }

    /** Posts {@code tag-from} to {@code tag-(to-1)}, waiting for the answer of every tenth; the seqs acked. */
    static List<Long> post(LiveClient c, String tag, int from, int to) {
        for (int i = from; i < to; i++) {
            c.send(Rooms.post(room(), tag + "-" + i, tag + " number " + i));
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

    /** People registered on nodes a and b in turn, members of the test city. */
    static List<TestUser> registered(int n, String name) {
        List<TestUser> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(TestUser.register(node(i % 2).api(), name + i));
        }
        Rooms.members(admin, CITY, people.toArray(TestUser[]::new));
        return people;
    }

    static List<Long> messageSeqs(LiveClient c) {
        return c.frames().stream().filter(ClusterNodes::isMessage).map(ClusterNodes::seq).toList();
    }

    static boolean isPresence(JsonObject f, String event, long account) {
        return f.getString("type").equals("presence") && f.getString("event").equals(event)
                && f.getJsonObject("user").getJsonNumber("id").longValue() == account;
    }

    /** Whether the client, from its welcome's online list and the presence frames after it, has the person online. */
    static boolean onlineAtTheEnd(LiveClient c, long account) {
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

    static boolean isMessage(JsonObject f) {
        return f.getString("type").equals("message") && f.getJsonNumber("room").longValue() == room();
    }

    static long seq(JsonObject f) {
        return f.getJsonNumber("seq").longValue();
    }

    static List<Long> range(long after, long last) {
        return LongStream.rangeClosed(after + 1, last).boxed().toList();
    }

    static void closeQuietly(LiveClient c) {
        try {
            c.close();
        } catch (RuntimeException e) {
            // Its node was killed.
        }
    }

    static void assertGapFreeInTheDatabase(long last) throws SQLException {
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("SELECT seq FROM room_event WHERE room_id = ? ORDER BY seq")) {
            s.setLong(1, room());
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
