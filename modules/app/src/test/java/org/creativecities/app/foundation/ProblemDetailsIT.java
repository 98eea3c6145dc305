package org.creativecities.app.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input always gets a specific RFC 9457 problem, and never leaves partial data behind. */
@ExtendWith(SharedServer.class)
class ProblemDetailsIT {

    /** Checks the common shape and returns the problem. */
    private static JsonObject problem(Api.Response response, int status, String type) {
        response.expect(status);
        assertEquals("application/problem+json", response.header("Content-Type").orElseThrow());
        JsonObject p = response.object();
        assertEquals(status, p.getInt("status"));
        assertEquals(type, p.getString("type"));
        assertFalse(p.getString("title").isBlank());
        assertFalse(p.getString("detail").isBlank());
        assertEquals(response.header("X-Request-Id").orElseThrow(), p.getString("requestId"));
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "),
                "no stack trace: " + response.body());
        return p;
    }

    @Test
    void malformedJsonIs400(Api api) {
        problem(TestUser.send(api, TestUser.freshIp(), "POST", "/api/accounts", "{\"email\": "), 400,
                "/problems/malformed-json");
    }

    @Test
    void unknownPropertyIs400NamingIt(Api api) {
        JsonObject p = problem(TestUser.send(api, TestUser.freshIp(), "POST", "/api/accounts", Api.json("email",
                "x." + System.nanoTime() + "@example.org", "displayName", "X", "password", TestUser.PASSWORD, "isAdmin",
                true)), 400, "/problems/unknown-property");
        assertEquals("isAdmin", p.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void wrongContentTypeIs415(Api api) {
        problem(api.request("POST", "/api/sessions").header("Content-Type", "text/plain").body("hello").send(), 415,
                "/problems/unsupported-media-type");
    }

    @Test
    void validationNamesEachField(Api api) {
        JsonObject p = problem(TestUser.send(api, TestUser.freshIp(), "POST", "/api/accounts",
                Api.json("email", "not-an-email", "displayName", "", "password", "short")), 400, "/problems/validation");
        java.util.Set<String> fields = new java.util.HashSet<>();
        p.getJsonArray("errors").forEach(e -> fields.add(e.asJsonObject().getString("field")));
        assertEquals(java.util.Set.of("email", "displayName", "password"), fields);
    }

    @Test
    void missingBodyIs400(Api api) {
        problem(TestUser.send(api, TestUser.freshIp(), "POST", "/api/sessions", null), 400, "/problems/validation");
    }

    @Test
    void unknownIdIs404(Api api) {
        problem(api.get("/api/cities/no-such-city"), 404, "/problems/not-found");
        problem(api.get("/api/people/999999999"), 404, "/problems/not-found");
        problem(api.get("/api/no/such/thing"), 404, "/problems/not-found");
    }

    @Test
    void conflictIs409(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        problem(admin.post("/api/cities/lyon/designations", Api.json("field", "literature", "year", 2023)), 409,
                "/problems/conflict");
    }

    @Test
    void wrongMethodIs405(Api api) {
        problem(api.put("/api/stats", "{}"), 405, "/problems/method-not-allowed");
    }

    @Test
    void tooLargeBodyIs413AndNothingIsSaved(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        String name = "Bigtown " + System.nanoTime();
        String huge = "x".repeat(1_100_000);
        problem(admin.post("/api/cities", Api.json("name", name, "countryCode", "FR", "description", huge)), 413,
                "/problems/payload-too-large");
        assertEquals(0, api.get("/api/cities?retired=true&q=" + name.replace(' ', '+')).expect(200).object()
                .getInt("total"));
    }

    @Test
    void aRefusedWriteLeavesNoPartialData(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        String name = "Halftown " + System.nanoTime();
        JsonObject body = Api.json("name", name, "countryCode", "FR", "designations", jakarta.json.Json
                .createArrayBuilder().add(Api.json("field", "film", "year", 2019))
                .add(Api.json("field", "no-such-field", "year", 2019)).build());
        problem(admin.post("/api/cities", body), 400, "/problems/validation");
        assertEquals(0, api.get("/api/cities?retired=true&q=" + name.replace(' ', '+')).expect(200).object()
                .getInt("total"), "the city was not created without its designations");
    }

    @Test
    void clientRequestIdsAreKeptAndLogged(PackagedServer server, Api api) throws InterruptedException {
        String id = "trace-" + System.nanoTime();
        // A path of its own: repeated client errors of one kind are logged once a minute (security/LogFloodIT).
        Api.Response r = api.request("GET", "/api/cities/no-such-city-" + System.nanoTime()).header("X-Request-Id", id)
                .send();
        assertEquals(id, problem(r, 404, "/problems/not-found").getString("requestId"));
        assertEquals(id, r.header("X-Request-Id").orElseThrow());
        String line = "\"requestId\":\"" + id + "\"";
        for (int i = 0; i < 50 && !server.logText().contains(line); i++) {
            Thread.sleep(100);
        }
        String log = server.logText();
        assertTrue(log.contains(line) && log.contains("\"status\":404"), "one structured access-log line per request");
    }
}
