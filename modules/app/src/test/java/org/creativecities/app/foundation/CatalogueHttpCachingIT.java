package org.creativecities.app.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * City lists and profiles for visitors: a strong, stable entity tag, {@code Cache-Control}, {@code 304} on a matching
 * {@code If-None-Match}, and a new tag and body at once after a change that alters what they show. Anonymous reads
 * that were answered once are answered again from memory, before JAX-RS (PublicReadCache): every request here is
 * sent at least twice, and the answers must not differ in anything but the request id, nor skip what JAX-RS decides
 * (authentication, content negotiation, unknown parameters, other preconditions).
 */
@ExtendWith(SharedServer.class)
class CatalogueHttpCachingIT {

    /**
     * Headers that must be the same on every answer to the same request. (JAX-RS sends a larger body chunked, memory
     * with its length: the same body either way, see {@link #assertLength}.)
     */
    private static final List<String> SAME = List.of("etag", "cache-control", "content-type",
            "x-content-type-options", "referrer-policy", "x-frame-options", "access-control-allow-origin",
            "access-control-expose-headers", "vary");

    private static String listOf(String name) {
        return "/api/cities?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static String tag(Api.Response r) {
        return r.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + r));
    }

    private static Api.Response conditional(Api api, String path, String tag) {
        return api.request("GET", path).header("If-None-Match", tag).send();
    }

    /** Sends the same request three times; the answers must agree on status, body and headers. */
    private static Api.Response repeated(Supplier<Api.Response> request) {
        Api.Response first = request.get();
        for (int i = 0; i < 2; i++) {
            assertSameAnswer(first, request.get());
        }
        return first;
    }

    /** Two answers to the same request: the same but for the request id (which problem documents also quote). */
    private static void assertSameAnswer(Api.Response expected, Api.Response actual) {
        assertEquals(expected.status(), actual.status(), "status of " + actual);
        assertEquals(withoutRequestId(expected.body()), withoutRequestId(actual.body()), "body");
        for (String header : SAME) {
            assertEquals(expected.header(header), actual.header(header), header + " of " + actual);
        }
        assertLength(expected);
        assertLength(actual);
        assertTrue(actual.header("X-Request-Id").isPresent(), "every answer carries a request id");
        assertNotEquals(expected.header("X-Request-Id"), actual.header("X-Request-Id"), "a request id per request");
    }

    /** A body's length, where it is sent (not for HEAD, whose length is the GET's, nor for 304). */
    private static void assertLength(Api.Response r) {
        r.header("Content-Length").filter(length -> !r.body().isEmpty())
                .ifPresent(length -> assertEquals(Integer.toString(r.body().getBytes(StandardCharsets.UTF_8).length),
                        length, "Content-Length of " + r));
    }

    private static String withoutRequestId(String body) {
        return body.replaceAll("\"requestId\":\"[^\"]*\"", "\"requestId\":\"\"");
    }

    /**
     * The same request with an {@code Accept} header the in-memory answers leave to JAX-RS (it means the same here):
     * what JAX-RS itself answers.
     */
    private static Api.Response viaJaxRs(Api api, String path, String ifNoneMatch) {
        return api.request("GET", path).header("Accept", "application/json;q=0.9")
                .header("If-None-Match", ifNoneMatch).send();
    }

    @Test
    void aListAndAProfileCarryAStableStrongTagAndRevalidate(Api api) {
        for (String path : List.of("/api/cities", "/api/cities?sort=-year&size=5&page=2", "/api/cities/lyon",
                "/api/stats/map")) {
            Api.Response answer = repeated(() -> api.get(path).expect(200));
            String tag = tag(answer);
            assertTrue(tag.matches("\"[A-Za-z0-9_-]{27}\""), "a strong tag: " + tag);
            assertEquals("no-cache", answer.header("Cache-Control").orElseThrow(), path);
            assertEquals("application/json", answer.header("Content-Type").orElseThrow(), path);
            assertEquals("nosniff", answer.header("X-Content-Type-Options").orElseThrow(), path);

            assertSameAnswer(viaJaxRs(api, path, null).expect(200), answer);
            for (String matching : List.of(tag, "W/" + tag, "\"other\", " + tag, "*")) {
                Api.Response notModified = repeated(() -> conditional(api, path, matching).expect(304));
                assertEquals("", notModified.body());
                assertEquals(tag, tag(notModified));
                assertEquals("no-cache", notModified.header("Cache-Control").orElseThrow());
                assertSameAnswer(viaJaxRs(api, path, matching).expect(304), notModified);
            }
            assertEquals(answer.body(), repeated(() -> conditional(api, path, "\"other\"").expect(200)).body());
        }
    }

    @Test
    void aChangeToWhatIsShownChangesTheTagAndTheBodyAtOnce(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        String name = "Cacheton " + System.nanoTime();
        String slug = admin.post("/api/cities", Api.json("name", name, "countryCode", "UY", "joinPolicy", "OPEN"))
                .expect(201).object().getString("slug");
        String profile = "/api/cities/" + slug;
        String list = listOf(name);
        TestUser coordinator = TestUser.register(api, "Cache Coordinator");
        coordinator.post(profile + "/members", null).expect(201);
        admin.put(profile + "/members/" + coordinator.id() + "/role", Api.json("role", "COORDINATOR")).expect(200);

        String profileTag = tag(repeated(() -> api.get(profile).expect(200)));
        String listTag = tag(repeated(() -> api.get(list).expect(200)));
        repeated(() -> conditional(api, profile, profileTag).expect(304));
        repeated(() -> conditional(api, list, listTag).expect(304));

        coordinator.patch(profile, Api.json("description", "Edited by its coordinator.")).expect(200);
        Api.Response edited = conditional(api, profile, profileTag).expect(200);
        assertEquals("Edited by its coordinator.", edited.object().getString("description"));
        String editedTag = tag(edited);
        assertNotEquals(profileTag, editedTag, "a new description, a new tag");
        repeated(() -> conditional(api, profile, editedTag).expect(304));
        assertEquals(listTag, tag(conditional(api, list, listTag).expect(304)),
                "the list does not show descriptions: same body, same tag");

        TestUser member = TestUser.register(api, "Cache Member");
        member.post(profile + "/members", null).expect(201);
        Api.Response joined = conditional(api, profile, editedTag).expect(200);
        assertEquals(2, joined.object().getInt("memberCount"), "the member who joined is counted at once");
        assertNotEquals(editedTag, tag(joined));

        admin.post(profile + "/designations", Api.json("field", "design", "year", 2025)).expect(201);
        Api.Response designated = conditional(api, list, listTag).expect(200);
        assertEquals("design", designated.object().getJsonArray("items").getJsonObject(0).getString("field"),
                "the list shows the new current field at once");
        String designatedTag = tag(designated);
        assertNotEquals(listTag, designatedTag);
        repeated(() -> conditional(api, list, designatedTag).expect(304));

        admin.delete(profile).expect(204);
        assertEquals(0, repeated(() -> api.get(list).expect(200)).object().getInt("total"),
                "a retired city leaves the list at once");
    }

    @Test
    void whatOnlyJaxRsDecidesIsStillDecidedThere(PackagedServer server, Api api) {
        String path = "/api/cities?size=2&sort=country";
        String tag = tag(repeated(() -> api.get(path).expect(200)));

        repeated(() -> api.withToken("not-a-token").get(path).expect(401));
        repeated(() -> api.request("GET", path).header("Accept", "application/xml").send().expect(406));
        repeated(() -> api.get(path + "&colour=red").expect(400));
        repeated(() -> api.get("/api/cities?size=2&sort=colour").expect(400));
        repeated(() -> api.request("GET", path).header("If-Match", "\"other\"").send().expect(412));
        repeated(() -> api.request("GET", path).header("If-None-Match", "\"unterminated").send().expect(400));
        repeated(() -> api.request("GET", path).header("If-None-Match", "no-quotes").send().expect(400));
        Api.Response head = repeated(() -> api.request("HEAD", path).send().expect(200));
        assertEquals("", head.body());
        assertEquals(tag, tag(head));
        String missing = "/api/cities/no-such-city-" + System.nanoTime();
        repeated(() -> api.get(missing).expect(404));

        String origin = "http://127.0.0.1:" + server.port();
        Api.Response allowed = repeated(() -> api.request("GET", path).header("Origin", origin).send().expect(200));
        assertEquals(Optional.of(origin), allowed.header("Access-Control-Allow-Origin"));
        Api.Response foreign = repeated(() -> api.request("GET", path).header("Origin", "https://elsewhere.example")
                .send().expect(200));
        assertFalse(foreign.header("Access-Control-Allow-Origin").isPresent());
    }

    @Test
    void everyAnswerKeepsTheClientsRequestIdAndIsInTheAccessLog(PackagedServer server, Api api) throws Exception {
        String path = "/api/cities?size=3";
        api.get(path).expect(200);
        api.get(path).expect(200);
        String id = "cache-it-" + System.nanoTime();
        Api.Response answer = api.request("GET", path).header("X-Request-Id", id).send().expect(200);
        assertEquals(Optional.of(id), answer.header("X-Request-Id"));
        String notModifiedId = id + "-304";
        Api.Response notModified = api.request("GET", path).header("X-Request-Id", notModifiedId)
                .header("If-None-Match", tag(answer)).send().expect(304);
        assertEquals(Optional.of(notModifiedId), notModified.header("X-Request-Id"));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String log = server.logText();
        while (!(log.contains("\"requestId\":\"" + notModifiedId + "\"")
                && log.contains("\"requestId\":\"" + id + "\"")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            log = server.logText();
        }
        assertTrue(log.contains("\"requestId\":\"" + id + "\",\"method\":\"GET\",\"path\":\"/api/cities\","
                + "\"status\":200"), "the access log has the answer from memory");
        assertTrue(log.contains("\"requestId\":\"" + notModifiedId + "\",\"method\":\"GET\",\"path\":\"/api/cities\","
                + "\"status\":304"), "and the 304");
    }
}
