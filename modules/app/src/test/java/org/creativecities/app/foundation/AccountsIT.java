package org.creativecities.app.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registration, sign-in, sign-out and the brute-force limits. */
@ExtendWith(SharedServer.class)
class AccountsIT {

    private static JsonObject registration(String email, String password) {
        return Api.json("email", email, "displayName", "Test Person", "password", password);
    }

    @Test
    void registerThenSignIn(Api api) {
        TestUser ana = TestUser.register(api, "Ana Silva");
        JsonObject me = ana.get("/api/me").expect(200).object();
        assertEquals(ana.id(), me.getJsonNumber("id").longValue());
        assertEquals("Ana Silva", me.getString("displayName"));
        assertFalse(me.getBoolean("admin"));

        JsonObject session = TestUser.send(api, TestUser.freshIp(), "POST", "/api/sessions",
                Api.json("email", ana.email().toUpperCase(), "password", TestUser.PASSWORD)).expect(201).object();
        assertEquals("Bearer", session.getString("tokenType"));
        assertTrue(session.getString("token").length() >= 22, "at least 128 bits");
        assertTrue(OffsetDateTime.parse(session.getString("expiresAt")).isAfter(OffsetDateTime.now().plusDays(29)));
    }

    @Test
    void duplicateEmailsAreIndistinguishable(Api api) {
        String email = "dup." + System.nanoTime() + "@example.org";
        String ip = TestUser.freshIp();
        Api.Response first = TestUser.send(api, ip, "POST", "/api/accounts", registration(email, TestUser.PASSWORD))
                .expect(202);
        Api.Response again = TestUser.send(api, ip, "POST", "/api/accounts",
                registration(email.toUpperCase(), "another long password")).expect(202);
        assertEquals(first.body(), again.body(), "the same answer whether or not the email was taken");
        TestUser.send(api, ip, "POST", "/api/sessions", Api.json("email", email, "password", "another long password"))
                .expect(401);
        TestUser.send(api, ip, "POST", "/api/sessions", Api.json("email", email, "password", TestUser.PASSWORD))
                .expect(201);
    }

    @Test
    void passwordsNeedTwelveCharacters(Api api) {
        JsonObject problem = TestUser.send(api, TestUser.freshIp(), "POST", "/api/accounts",
                registration("short." + System.nanoTime() + "@example.org", "elevenchars")).expect(400).object();
        assertEquals("password", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void wrongPasswordAndUnknownEmailLookTheSame(Api api) {
        TestUser bo = TestUser.register(api, "Bo");
        JsonObject wrong = TestUser.send(api, TestUser.freshIp(), "POST", "/api/sessions",
                Api.json("email", bo.email(), "password", "not the password at all")).expect(401).object();
        JsonObject unknown = TestUser.send(api, TestUser.freshIp(), "POST", "/api/sessions",
                Api.json("email", "nobody." + System.nanoTime() + "@example.org", "password", "whatever it is"))
                .expect(401).object();
        assertEquals(wrong.getString("detail"), unknown.getString("detail"));
        assertEquals(wrong.getString("title"), unknown.getString("title"));
    }

    @Test
    void signOutRevokesOneTokenAndEverywhereRevokesAll(Api api) {
        TestUser cy = TestUser.register(api, "Cy");
        TestUser cyElsewhere = TestUser.signIn(api, cy.email(), TestUser.PASSWORD, TestUser.freshIp());
        TestUser cyThird = TestUser.signIn(api, cy.email(), TestUser.PASSWORD, TestUser.freshIp());

        cy.delete("/api/sessions/current").expect(204);
        cy.get("/api/me").expect(401);
        cyElsewhere.get("/api/me").expect(200);

        JsonObject ended = cyElsewhere.delete("/api/sessions").expect(200).object();
        assertEquals(2, ended.getInt("sessionsRevoked"));
        cyElsewhere.get("/api/me").expect(401);
        cyThird.get("/api/me").expect(401);
        Api.Response problem = api.withToken("made-up-token").get("/api/me").expect(401);
        assertTrue(problem.header("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
        api.get("/api/me").expect(401);
    }

    @Test
    void tooManyAttemptsFromOneAddressAre429WithRetryAfter(Api api) {
        String ip = TestUser.freshIp();
        JsonObject wrong = Api.json("email", "nobody@example.org", "password", "wrong password here");
        for (int i = 0; i < 6; i++) {
            TestUser.send(api, ip, "POST", "/api/sessions", wrong).expect(401);
        }
        Api.Response throttled = TestUser.send(api, ip, "POST", "/api/sessions", wrong).expect(429);
        int retryAfter = Integer.parseInt(throttled.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals("application/problem+json", throttled.header("Content-Type").orElseThrow());
        TestUser.send(api, TestUser.freshIp(), "POST", "/api/sessions", wrong).expect(401);
    }

    @Test
    void tenFailuresSlowNewAddressesDownButNeverLockTheOwnerOut(Api api) {
        TestUser dee = TestUser.register(api, "Dee");
        for (int i = 0; i < 10; i++) {
            TestUser.send(api, TestUser.freshIp(), "POST", "/api/sessions",
                    Api.json("email", dee.email(), "password", "guess number " + i + " wrong")).expect(401);
        }
        Api.Response slowed = TestUser.send(api, TestUser.freshIp(), "POST", "/api/sessions",
                Api.json("email", dee.email(), "password", TestUser.PASSWORD)).expect(429);
        int retryAfter = Integer.parseInt(slowed.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "a new address waits the slow-down: " + retryAfter);
        TestUser.send(api, dee.ip(), "POST", "/api/sessions",
                Api.json("email", dee.email(), "password", TestUser.PASSWORD)).expect(201);
        dee.get("/api/me").expect(200);
    }

    @Test
    void profilesAreChangedOnlyByTheirOwnerOrAnAdministrator(org.creativecities.app.testkit.PackagedServer server,
                                                             Api api) {
        TestUser eve = TestUser.register(api, "Eve");
        TestUser mallory = TestUser.register(api, "Mallory");
        JsonObject update = Api.json("bio", "Luthier", "homeCity", "bologna", "fields", jakarta.json.Json
                .createArrayBuilder().add("music").build(), "expertise", jakarta.json.Json.createArrayBuilder()
                .add("Violin Making").build(), "languages", jakarta.json.Json.createArrayBuilder().add("it").add("en")
                .build());
        mallory.patch("/api/people/" + eve.id(), update).expect(403);
        api.patch("/api/people/" + eve.id(), update).expect(401);
        JsonObject profile = eve.patch("/api/people/" + eve.id(), update).expect(200).object();
        assertEquals("bologna", profile.getJsonObject("homeCity").getString("slug"));
        assertEquals("violin making", profile.getJsonArray("expertise").getString(0), "tags are normalised");
        TestUser.admin(server).patch("/api/people/" + eve.id(), Api.json("displayName", "Eve A.")).expect(200);
        JsonObject publicView = api.get("/api/people/" + eve.id()).expect(200).object();
        assertEquals("Eve A.", publicView.getString("displayName"));
        assertEquals("Luthier", publicView.getString("bio"));
        assertFalse(publicView.containsKey("email"), "the public profile hides the email");
        eve.patch("/api/people/" + eve.id(), Api.json("fields", jakarta.json.Json.createArrayBuilder().add("poetry")
                .build())).expect(400);
        eve.patch("/api/people/" + eve.id(), Api.json("homeCity", "atlantis")).expect(404);
        assertNotEquals(eve.id(), mallory.id());
    }
}
