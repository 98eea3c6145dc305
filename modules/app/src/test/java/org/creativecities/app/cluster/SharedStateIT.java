package org.creativecities.app.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.creativecities.app.events.EventsFixture;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.plugins.PluginAdmin;
import org.creativecities.app.plugins.PluginJars;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.Await;
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
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two packaged nodes share one fresh PostgreSQL database, one plugins folder and one media folder, started together
 * with the shipped single-node settings (no clustering at all): what one node changes, the other picks up from the
 * database and the folders alone. A message posted on A is found by search on B (the search change log); a plugin
 * installed on A runs on B, a disable on A stops it on B and an enable starts it again (the plugins sweep); a
 * setting changed on A applies on B; an upload on A is served by B; durable timers stored on A fire once across both
 * nodes, and one stored on A just before A is killed is delivered by B (the timers sweep and their claims). The core's
 * periodic jobs run on both nodes and each person hears once: a digest due goes out once (a claim per person), an
 * event reminder is stored and mailed once, and an announcement whose fan-out A was in the middle of when it was killed
 * is finished by B (the announcement's claim runs out), once per person.
 *
 * <p>Skipped with a banner without {@code -Dccc.it.postgresql.url} (failing on CI), like {@code PostgresLaneIT}. With
 * {@code -Dccc.it.shared-state.db-shared=false} the nodes run none of the sweeps, and the search, plugin and timer
 * tests fail: what they prove is the sweeps' doing.
 */
@OwnServerLane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedStateIT {

    private static final String CITY = "tartu";
    private static final String TIMERS = "/api/plugins/test-timers";
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final int TIMERS_AT_ONCE = 6;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** People each periodic job is checked on. */
    private static final int PEOPLE = 8;
    /** How long "nothing more arrives" is watched for: many runs of every job's interval on both nodes. */
    private static final Duration SETTLED = Duration.ofMillis(1500);
    private static final String SOON = "event-starting-soon";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("jobs", "s3cret-jobs"));

    private static PackagedServer a;
    private static PackagedServer b;
    private static TestUser poster;
    private static EventsFixture jobs;
    private static String jobsCity;
    private static TestUser host;
    private static final List<TestUser> audience = new ArrayList<>();

    @BeforeAll
    static void boot() throws IOException {
        PostgresDatabase.Fresh database = PostgresDatabase.requiredFor("THE SHARED-STATE LANE (cluster.SharedStateIT)")
                .freshDatabase("shared-state");
        Path work = Path.of(System.getProperty("ccc.it.work", "target/it-work")).toAbsolutePath();
        Path shared = Files.createTempDirectory(Files.createDirectories(work), "shared-state-");
        Path plugins = Files.createDirectories(shared.resolve("plugins"));
        try (var jars = Files.list(PackagedServer.defaultDistribution().resolve("plugins"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        Path media = Files.createDirectories(shared.resolve("media"));
        CompletableFuture<PackagedServer> startA = CompletableFuture.supplyAsync(() -> node("shared-state-a",
                database, plugins, media));
        CompletableFuture<PackagedServer> startB = CompletableFuture.supplyAsync(() -> node("shared-state-b",
                database, plugins, media));
        a = startA.join();
        b = startB.join();
        // The first administrator was created by whichever node seeded the database first: both sign in with it.
        TestUser.sameAdminOn(List.of(a, b));
    }

    private static PackagedServer node(String name, PostgresDatabase.Fresh database, Path plugins, Path media) {
        return PackagedServer.builder(name)
                .env("CCC_HTTP_TRUSTED_PROXIES", "127.0.0.1")
                .env("CCC_AUTH_IP_ATTEMPTS_PER_MINUTE", "10000")
                .env("CCC_PLUGINS_DIR", plugins.toString())
                .env("CCC_MEDIA_DIR", media.toString())
                // -Dccc.it.shared-state.db-shared=false switches the sweeps off: then this class must fail.
                .env("CCC_DB_SHARED", System.getProperty("ccc.it.shared-state.db-shared", "auto"))
                // The periodic jobs at test pace: digests looked at every 0.2 s, reminders every second, announcements
                // one person per batch (a fan-out long enough to kill a node in the middle of).
                .env("CCC_NOTIFICATIONS_DIGEST_INTERVAL", "PT0.2S")
                .env("CCC_EVENTS_STARTING_SOON_PERIOD_SECONDS", "1")
                .env("CCC_NOTIFICATIONS_ANNOUNCEMENTS_BATCH_SIZE", "1")
                .env("CCC_NOTIFICATIONS_ANNOUNCEMENTS_CLAIM", "PT3S")
                .env("CCC_NOTIFICATIONS_ANNOUNCEMENTS_SWEEP_INTERVAL", "PT1S")
                .env(database.environment())
                .start();
    }

    @AfterAll
    static void shutdown() {
        for (PackagedServer node : new PackagedServer[] {a, b}) {
            if (node != null) {
                node.stop();
            }
        }
    }

    @Test
    @Order(1)
    void aMessagePostedOnAIsFoundBySearchOnB() {
        TestUser adminA = TestUser.admin(a);
        poster = TestUser.register(a.api(), "Shared Poster");
        Rooms.members(adminA, CITY, poster);
        long room = Rooms.generalRoom(poster, CITY);
        String word = "sharedzebra" + System.nanoTime();
        try (LiveClient c = LiveClient.open(poster)) {
            c.send(Rooms.join(room, null, "j")).reply("j");
            JsonObject ack = c.send(Rooms.post(room, "p1", "on node A the word is " + word)).reply("f-p1");
            assertEquals("ack", ack.getString("type"), ack.toString());
        }
        TestUser onB = TestUser.signIn(b.api(), poster.email(), TestUser.PASSWORD, TestUser.freshIp());
        await(() -> onB.get("/api/search?q=" + word).expect(200).object().getJsonArray("items")
                .getValuesAs(JsonObject.class), items -> items.stream()
                .anyMatch(h -> h.getString("kind").equals("message")), "B's search finds A's message");
    }

    @Test
    @Order(2)
    void aPluginInstalledOnARunsOnBAndADisableOrEnableOnAReachesB() {
        PluginAdmin onA = PluginAdmin.of(a);
        PluginAdmin onB = PluginAdmin.of(b);
        onA.install(PluginJars.built("timers"));
        onA.install(PluginJars.built("good"));
        for (String id : List.of("test-timers", "test-good")) {
            await(() -> onB.get("/api/admin/plugins/" + id), r -> r.status() == 200
                    && r.object().getString("state").equals("STARTED"), id + " runs on B");
        }
        onB.get(TIMERS + "/start").expect(200);

        onA.post("/api/admin/plugins/test-timers/disable").expect(200);
        await(() -> onB.get(TIMERS + "/start").status(), s -> s == 404, "the plugin disabled on A stops on B");
        assertEquals("DISABLED", onB.plugin("test-timers").getString("state"));

        onA.post("/api/admin/plugins/test-timers/enable").expect(200);
        await(() -> onB.get(TIMERS + "/start").status(), s -> s == 200, "the plugin enabled on A starts on B");
    }

    @Test
    @Order(3)
    void aSettingChangedOnAAppliesOnB() {
        TestUser adminA = TestUser.admin(a);
        adminA.put("/api/admin/plugins/test-good/settings", Api.json("values", Api.json("greeting", "Tere from A")))
                .expect(200);
        adminA.put("/api/admin/plugins/test-good/settings?city=" + CITY, Api.json("values",
                Api.json("greeting", "Tere, " + CITY))).expect(200);
        await(() -> b.api().get("/api/plugins/test-good/hello").expect(200).object().getString("greeting"),
                "Tere from A"::equals, "B greets with A's network-wide setting");
        assertEquals("Tere, " + CITY, b.api().get("/api/plugins/test-good/cities/" + CITY + "/hello").expect(200)
                .object().getString("greeting"), "and with A's setting for the city");
    }

    @Test
    @Order(4)
    void anUploadOnAIsServedByB() throws Exception {
        byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% shared " + System.nanoTime() + "\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> uploaded = HTTP.send(HttpRequest.newBuilder(a.baseUri().resolve("/api/media"))
                .header("Authorization", "Bearer " + poster.token()).header("X-Forwarded-For", poster.ip())
                .header("Content-Type", "application/pdf").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        String url = Api.parse(uploaded.body()).asJsonObject().getString("url");
        HttpResponse<byte[]> served = HTTP.send(HttpRequest.newBuilder(b.baseUri().resolve(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, served.statusCode(), "B serves " + url);
        assertArrayEquals(pdf, served.body(), "the bytes A stored");
    }

    @Test
    @Order(5)
    void durableTimersStoredOnAFireOnceAcrossBothNodes() {
        TestUser adminA = TestUser.admin(a);
        for (int i = 0; i < TIMERS_AT_ONCE; i++) {
            adminA.post(TIMERS + "/durable/once-" + i + "?ms=2500", Api.json("i", i)).expect(200);
        }
        for (int i = 0; i < TIMERS_AT_ONCE; i++) {
            String name = "once-" + i;
            await(() -> pending(b, name), p -> !p, name + " delivered and deleted");
            assertEquals(1, delivered(b, name), name + " delivered once");
        }
    }

    @Test
    @Order(6)
    void aDigestDueGoesOutOnceThoughBothNodesRunTheDigests() throws Exception {
        TestUser adminA = TestUser.admin(a);
        jobs = new EventsFixture(adminA, a.api());
        jobsCity = jobs.city("Jobsville", "design");
        host = jobs.coordinator(jobsCity, "Jo Host");
        // Registered half on each node, at once (signing up is what costs here): announcements in the digest,
        // reminders by mail at once; no digest yet.
        EventsFixture onB = new EventsFixture(adminA, b.api());
        audience.addAll(IntStream.range(0, PEOPLE).parallel().mapToObj(i -> {
            TestUser p = (i % 2 == 0 ? jobs : onB).member(jobsCity, "Jo Person" + i);
            p.put("/api/me/preferences", Api.json("email", Api.json("announcement", "digest", SOON, "immediate")))
                    .expect(200);
            return p;
        }).toList());
        useSmtp(adminA);
        long news = host.post("/api/announcements", Api.json("audience", "city", "city", jobsCity, "title",
                "Digest news", "body", "For the digest.")).expect(202).object().getJsonNumber("id").longValue();
        for (TestUser p : audience) {
            await(() -> announcements(p, news), n -> n == 1, p.name() + " has the announcement");
        }
        assertEquals(0, SMTP.getReceivedMessages().length, "nobody chose immediate mail for announcements");
        // All become due for their daily digest at about the same moment, on both nodes.
        audience.parallelStream().forEach(p -> p.put("/api/me/preferences", Api.json("digest", "daily"))
                .expect(200));
        await(() -> mailsTo("daily digest"), m -> audience.stream().allMatch(p -> m.getOrDefault(p.email(), 0L) >= 1),
                "everyone's daily digest");
        Map<String, Long> settled = settledMails("daily digest");
        for (TestUser p : audience) {
            assertEquals(1L, settled.get(p.email()), p.name() + "'s digests: " + settled);
        }
    }

    @Test
    @Order(7)
    void anEventReminderIsStoredAndMailedOnceThoughBothNodesScan() throws Exception {
        useSmtp(TestUser.admin(a));
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        long event = EventsFixture.id(host.post("/api/events", EventsFixture.event("Cluster salon", jobsCity,
                now.plusMinutes(30).toString(), now.plusMinutes(90).toString(), "Etc/UTC")).expect(201).object());
        audience.parallelStream().forEach(p -> p.put("/api/events/" + event + "/rsvp", Api.json("status", "going"))
                .expect(200));
        for (TestUser p : audience) {
            await(() -> reminders(p, event), n -> n >= 1, p.name() + " is reminded");
        }
        await(() -> mailsTo("starts soon"), m -> audience.stream().allMatch(p -> m.getOrDefault(p.email(), 0L) >= 1),
                "everyone's reminder mail");
        Map<String, Long> settled = settledMails("starts soon");
        for (TestUser p : audience) {
            assertEquals(1L, reminders(p, event), p.name() + " reminded once");
            assertEquals(1L, settled.get(p.email()), p.name() + "'s reminder mails: " + settled);
        }
    }

    @Test
    @Order(8)
    void aTimerStoredOnAJustBeforeAIsKilledIsDeliveredByB() {
        String startB = PluginAdmin.of(b).get(TIMERS + "/start").expect(200).body();
        TestUser.admin(a).post(TIMERS + "/durable/orphan?ms=3000", Api.json("from", "a")).expect(200);
        // An announcement to the city on A, one person per batch: A dies in the middle of its fan-out.
        long news = host.post("/api/announcements", Api.json("audience", "city", "city", jobsCity, "title",
                "Orphaned news", "body", "A dies while announcing this.")).expect(202).object().getJsonNumber("id")
                .longValue();
        a.kill();
        String delivery = await(() -> PluginAdmin.of(b).get(TIMERS + "/durable/orphan"), r -> r.status() == 200,
                "B delivers the timer A stored").body();
        assertEquals("1 " + startB + " {\"from\":\"a\"}", delivery, "delivered once, by B's start of the plugin");
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < TIMERS_AT_ONCE; i++) {
            counts.add(delivered(b, "once-" + i));
        }
        assertEquals(List.of(1L, 1L, 1L, 1L, 1L, 1L), counts, "B's sweeps since delivered none of them again");
        TestUser hostOnB = host.on(b.api());
        await(() -> hostOnB.get("/api/announcements/" + news).expect(200).object().getString("status"),
                "delivered"::equals, "B finishes the fan-out A began");
        for (TestUser p : audience) {
            TestUser onB = p.on(b.api());
            assertEquals(1L, announcements(onB, news), p.name() + " has the announcement once");
        }
    }

    /** Points both nodes' mail (a setting in the shared database) at this test's SMTP server. */
    private static void useSmtp(TestUser admin) {
        admin.put("/api/admin/mail", Api.json("host", "127.0.0.1", "port", SMTP.getSmtp().getPort(), "from",
                "commons@example.org", "tls", "none", "username", "jobs", "password", "s3cret-jobs", "baseUrl",
                a.baseUri().toString().replaceAll("/$", ""))).expect(200);
    }

    private static List<JsonObject> notifications(TestUser who) {
        return who.get("/api/me/notifications?size=100").expect(200).object().getJsonArray("items")
                .getValuesAs(JsonObject.class);
    }

    private static long announcements(TestUser who, long id) {
        return notifications(who).stream().filter(n -> n.containsKey("announcement")
                && n.getJsonNumber("announcement").longValue() == id).count();
    }

    private static long reminders(TestUser who, long event) {
        return notifications(who).stream().filter(n -> SOON.equals(n.getString("kind"))
                && n.getJsonNumber("event").longValue() == event).count();
    }

    /** How many mails whose subject contains this each address got. */
    private static Map<String, Long> mailsTo(String subject) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> subjectOf(m).contains(subject))
                .flatMap(m -> recipients(m).stream()).collect(Collectors.groupingBy(s -> s.toLowerCase(),
                        Collectors.counting()));
    }

    /**
     * The mails counted again once none has arrived for {@link #SETTLED}: a second node sending the same mail would do
     * so within that time, as its job runs many times meanwhile.
     */
    private static Map<String, Long> settledMails(String subject) {
        int[] seen = {SMTP.getReceivedMessages().length};
        long[] since = {System.nanoTime()};
        Await.until(() -> SMTP.getReceivedMessages().length, n -> {
            if (n != seen[0]) {
                seen[0] = n;
                since[0] = System.nanoTime();
            }
            return System.nanoTime() - since[0] >= SETTLED.toNanos();
        }, DEADLINE, "the mail settles");
        return mailsTo(subject);
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean pending(PackagedServer node, String name) {
        return PluginAdmin.of(node).get(TIMERS + "/pending/" + name).expect(200).object().getBoolean("pending");
    }

    private static long delivered(PackagedServer node, String name) {
        return PluginAdmin.of(node).get(TIMERS + "/count/delivered-" + name).expect(200).object()
                .getJsonNumber("count").longValue();
    }

    private static <T> T await(Supplier<T> read, Predicate<T> done, String what) {
        return Await.until(read, done, DEADLINE, what);
    }
}
