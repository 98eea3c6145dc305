package org.creativecities.app.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.creativecities.app.events.EventsFixture;
import org.creativecities.app.literature.LiteratureRestart;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.OwnServerLane;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.PostgresDatabase;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.works.CoEditingRestart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The PostgreSQL lane: the packaged server started with {@code ccc.db.url=jdbc:postgresql://...} on a fresh database
 * of the PostgreSQL server that {@code .ci/run} starts ({@link PostgresDatabase}), driven through what people do:
 * register and sign in, join a city, chat with concurrent posters (the room's seqs gap-free, in the answers and in
 * the database), find a message by search, get a mention's notification, answer an event up to its waiting list, see
 * the administrators' modules list, and then a kill -9: every acknowledged message, co-edit and plugin's stored state
 * is there after the restart, and the room's seq goes on without a gap.
 *
 * <p>Without {@code -Dccc.it.postgresql.url} the class is skipped with a loud message on a developer's machine, and
 * fails on CI ({@code CI=true}), which must always run it.
 */
@OwnServerLane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresLaneIT {

    private static final int POSTERS = 3;
    private static final int POSTS = 20;
    private static final String CITY = "tartu";

    private static PackagedServer server;
    private static PostgresDatabase.Fresh database;
    private static TestUser admin;
    private static TestUser reader;
    private static List<TestUser> posters = List.of();
    private static long room;
    private static long firstSeq;
    private static long lastSeq;
    private static String searchWord;

    @BeforeAll
    static void boot() {
        database = PostgresDatabase.requiredFor("THE POSTGRESQL LANE").freshDatabase("postgresql-lane");
        server = PackagedServer.builder("postgresql-lane")
                .env("CCC_HTTP_TRUSTED_PROXIES", "127.0.0.1")
                .env("CCC_AUTH_IP_ATTEMPTS_PER_MINUTE", "10000")
                // The co-editing restart scenario's settings (as in restart.AcrossRestartIT).
                .env("CCC_WORKS_COLLAB_SNAPSHOT_EVERY", "5").env("CCC_WORKS_COLLAB_MAX_DOCUMENT_CHARS", "2000")
                .env(database.environment())
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
    void theServerRunsOnPostgresqlWithEveryMigrationOfEveryContextApplied() throws Exception {
        String health = admin.get("/health/ready").expect(200).body();
        assertTrue(health.contains("PostgreSQL"), "the readiness check names the database: " + health);
        assertFalse(Files.exists(server.dataDir().resolve("ccc.mv.db")), "no H2 file beside PostgreSQL");
        Map<String, List<String>> expected = migrationsInTheSources();
        assertTrue(expected.size() >= 7, "the core's and the contexts' folders: " + expected.keySet());
        try (Connection c = database.connect()) {
            for (Map.Entry<String, List<String>> e : expected.entrySet()) {
                String table = e.getKey().equals("migration") ? "flyway_schema_history" : "flyway_history_" + e.getKey();
                List<String> applied = strings(c, "SELECT script FROM " + table + " WHERE success AND script LIKE "
                        + "'V%' ORDER BY installed_rank");
                assertEquals(e.getValue(), applied.stream().sorted().toList(), "db/" + e.getKey() + " on PostgreSQL");
            }
        }
    }

    @Test
    @Order(2)
    void peopleSignInJoinACityAndChatWithGapFreeSeqsUnderConcurrentPosters() throws Exception {
        List<TestUser> registered = new ArrayList<>();
        for (int i = 0; i < POSTERS; i++) {
            registered.add(TestUser.register(server.api(), "Pg Poster" + i));
        }
        posters = List.copyOf(registered);
        reader = TestUser.register(server.api(), "Pg Reader");
        TestUser again = TestUser.signIn(server.api(), reader.email(), TestUser.PASSWORD, TestUser.freshIp());
        assertEquals(reader.id(), again.id());
        List<TestUser> everyone = new ArrayList<>(posters);
        everyone.add(reader);
        Rooms.members(admin, CITY, everyone.toArray(TestUser[]::new));
        room = Rooms.generalRoom(reader, CITY);
        searchWord = "pgzebra" + System.nanoTime();

        List<LiveClient> clients = new ArrayList<>();
        try {
            for (TestUser p : everyone) {
                clients.add(LiveClient.open(p));
            }
            for (int i = 0; i < clients.size(); i++) {
                firstSeq = clients.get(i).send(Rooms.join(room, null, "j" + i)).reply("j" + i)
                        .getJsonNumber("latestSeq").longValue();
            }
            List<CompletableFuture<Void>> sending = new ArrayList<>();
            for (int p = 0; p < POSTERS; p++) {
                LiveClient c = clients.get(p);
                int poster = p;
                sending.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < POSTS; i++) {
                        String text = poster == 0 && i == 0 ? "Hello @[" + reader.id() + "], the word is " + searchWord
                                : "from " + poster + " number " + i;
                        c.send(Rooms.post(room, "pg" + poster + "-" + i, text));
                    }
                }));
            }
            CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
            List<Long> acked = new ArrayList<>();
            for (int p = 0; p < POSTERS; p++) {
                for (int i = 0; i < POSTS; i++) {
                    JsonObject ack = clients.get(p).reply("f-pg" + p + "-" + i);
                    assertEquals("ack", ack.getString("type"), ack.toString());
                    acked.add(ack.getJsonNumber("seq").longValue());
                }
            }
            lastSeq = firstSeq + (long) POSTERS * POSTS;
            List<Long> expected = LongStream.rangeClosed(firstSeq + 1, lastSeq).boxed().toList();
            assertEquals(expected, acked.stream().sorted().toList(), "one seq per post, no gap, no duplicate");
            LiveClient readerClient = clients.get(POSTERS);
            readerClient.await(f -> isMessage(f) && f.getJsonNumber("seq").longValue() == lastSeq);
            assertEquals(expected, readerClient.frames().stream().filter(PostgresLaneIT::isMessage)
                    .map(f -> f.getJsonNumber("seq").longValue()).toList(), "everyone receives them in seq order");
        } finally {
            clients.forEach(LiveClient::close);
        }
        assertGapFreeInTheDatabase(lastSeq);
    }

    @Test
    @Order(3)
    void aMessageIsFoundBySearchAndTheMentionedPersonIsNotified() {
        awaitItems(reader, "/api/search?q=" + searchWord,
                items -> items.stream().anyMatch(h -> h.getString("kind").equals("message")));
        List<JsonObject> notes = awaitItems(reader, "/api/me/notifications?size=50",
                items -> items.stream().anyMatch(n -> n.getString("kind").equals("mention")));
        JsonObject mention = notes.stream().filter(n -> n.getString("kind").equals("mention")).findFirst()
                .orElseThrow();
        assertEquals(room, mention.getJsonNumber("room").longValue(), mention.toString());
    }

    @Test
    @Order(4)
    void anEventFillsUpAndAWithdrawalPromotesTheWaiter() {
        long id = EventsFixture.id(admin.post("/api/events", EventsFixture.event("Pg workshop", CITY,
                "2027-05-01T10:00", "2027-05-01T12:00", "Europe/Tallinn", "capacity", 1)).expect(201).object());
        TestUser first = posters.get(0);
        TestUser second = posters.get(1);
        assertEquals("going", rsvp(first, id).getString("status"));
        JsonObject waiting = rsvp(second, id);
        assertEquals(1, waiting.getInt("position"), waiting.toString());
        first.delete("/api/events/" + id + "/rsvp").expect(200);
        assertEquals("going", second.get("/api/events/" + id).expect(200).object().getJsonObject("myRsvp")
                .getString("status"));
    }

    @Test
    @Order(5)
    void theAdministratorsModulesListShowsEveryBundledPluginStarted() {
        List<JsonObject> plugins = admin.get("/api/admin/plugins").expect(200).object().getJsonArray("plugins")
                .getValuesAs(JsonObject.class);
        List<String> ids = plugins.stream().map(p -> p.getString("id")).sorted().toList();
        assertTrue(ids.containsAll(List.of("film", "gastronomy", "literature", "music")), ids.toString());
        assertTrue(plugins.toString().contains("STARTED"), plugins.toString());
    }

    @Test
    @Order(6)
    void afterAKill9EveryAcknowledgedMessageCoEditAndPluginStateIsThereAndTheSeqGoesOn() throws Exception {
        Runnable coEditing = CoEditingRestart.prepare(server);
        Runnable literature = LiteratureRestart.prepare(server);
        try (Connection c = database.connect()) {
            assertTrue(count(c, "SELECT COUNT(*) FROM plugin_data WHERE plugin_id = 'literature'") > 0,
                    "the literature plugin's storage is in PostgreSQL");
        }
        server.kill();
        assertEquals(137, server.exitCode(), "SIGKILL");
        server.restart();

        coEditing.run();
        literature.run();
        try (LiveClient c = LiveClient.open(reader)) {
            JsonObject welcome = c.send(Rooms.join(room, firstSeq, "resume")).reply("resume");
            assertEquals(lastSeq - firstSeq, welcome.getInt("replay"), welcome.toString());
            c.await(f -> isMessage(f) && f.getJsonNumber("seq").longValue() == lastSeq);
            assertEquals(LongStream.rangeClosed(firstSeq + 1, lastSeq).boxed().toList(), c.frames().stream()
                    .filter(PostgresLaneIT::isMessage).map(f -> f.getJsonNumber("seq").longValue()).toList());
            long next = c.send(Rooms.post(room, "after-kill", "still here")).reply("f-after-kill")
                    .getJsonNumber("seq").longValue();
            assertEquals(lastSeq + 1, next, "the room's seq goes on from the last acknowledged one");
            lastSeq = next;
        }
        assertGapFreeInTheDatabase(lastSeq);
    }

    private static JsonObject rsvp(TestUser who, long event) {
        return who.put("/api/events/" + event + "/rsvp", Api.json("status", "going")).expect(200).object();
    }

    private static boolean isMessage(JsonObject f) {
        return f.getString("type").equals("message") && f.getJsonNumber("room").longValue() == room;
    }

    /** The room's messages in the database have seqs 1..last of the room's events without a gap, and last_seq. */
    private static void assertGapFreeInTheDatabase(long last) throws SQLException {
        try (Connection c = database.connect()) {
            List<String> seqs = strings(c, "SELECT seq FROM room_event WHERE room_id = " + room + " ORDER BY seq");
            assertEquals(LongStream.rangeClosed(1, last).mapToObj(Long::toString).toList(), seqs,
                    "the room's events in PostgreSQL");
            assertEquals(last, count(c, "SELECT last_seq FROM room WHERE id = " + room));
        }
    }

    private static List<JsonObject> awaitItems(TestUser who, String path,
            java.util.function.Predicate<List<JsonObject>> done) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<JsonObject> items = List.of();
        while (System.nanoTime() < deadline) {
            items = who.get(path).expect(200).object().getJsonArray("items").getValuesAs(JsonObject.class);
            if (done.test(items)) {
                return items;
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail(path + " never answered what was awaited; last: " + items);
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            assertTrue(r.next(), sql);
            return r.getLong(1);
        }
    }

    /** Each Flyway folder of the sources ({@code db/<name>}) by name, with its migration scripts, sorted. */
    private static Map<String, List<String>> migrationsInTheSources() throws IOException {
        Path modules = Path.of("").toAbsolutePath().getParent();
        Map<String, List<String>> byFolder = new TreeMap<>();
        try (Stream<Path> all = Files.list(modules)) {
            for (Path module : all.toList()) {
                Path db = module.resolve("src/main/resources/db");
                if (!Files.isDirectory(db)) {
                    continue;
                }
                try (Stream<Path> folders = Files.list(db)) {
                    for (Path folder : folders.filter(Files::isDirectory).toList()) {
                        try (Stream<Path> files = Files.list(folder)) {
                            byFolder.put(folder.getFileName().toString(), files.map(f -> f.getFileName().toString())
                                    .filter(n -> n.endsWith(".sql")).sorted().toList());
                        }
                    }
                }
            }
        }
        return byFolder;
    }
}
