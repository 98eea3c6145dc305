package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that a rate limit told to wait, and that asks the same again before its wait is over, is refused at the
 * edge: 429 with {@code Retry-After}, before its body is read or its token checked. So a flood of refused requests
 * costs the server what their heads cost (issue 12, the mixed attack's latency). Shown by a body that the
 * application would refuse with 400: at the edge it is never parsed.
 */
@ExtendWith(SharedServer.class)
class WebEdgeRefusalsIT {

    private final PackagedServer server;

    WebEdgeRefusalsIT(PackagedServer server) {
        this.server = server;
    }

    private Api.Response signIn(String ip, Object body) {
        return TestUser.send(server.api(), ip, "POST", "/api/sessions", body);
    }

    @Test
    void anAddressToldToWaitIsRefusedBeforeItsNextSignInIsRead() {
        String ip = TestUser.freshIp();
        int status = 0;
        for (int i = 0; i < 20 && status != 429; i++) {
            status = signIn(ip, Api.json("email", "nobody." + i + "@example.org", "password", "wrong password"))
                    .status();
        }
        assertEquals(429, status, "the address's sign-in budget runs out");

        Api.Response refused = signIn(ip, "{ this is not JSON");
        assertEquals(429, refused.status(), refused.toString());
        assertTrue(refused.header("Retry-After").map(Long::parseLong).orElse(0L) >= 1, refused.toString());
        assertTrue(refused.header("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("/problems/too-many-requests", refused.object().getString("type"));

        Api.Response variant = TestUser.send(server.api(), ip, "POST", "/api/sessions/", "{ this is not JSON");
        assertEquals(429, variant.status(), "the same operation by another spelling: " + variant);
        Api.Response crossOrigin = server.api().request("POST", "/api/sessions").header("X-Forwarded-For", ip)
                .header("Origin", "http://localhost:" + server.port()).body("{ this is not JSON").send();
        assertEquals(429, crossOrigin.status());
        assertEquals("http://localhost:" + server.port(),
                crossOrigin.header("Access-Control-Allow-Origin").orElse(""), "the UI's origin can read the answer");

        assertEquals(400, signIn(TestUser.freshIp(), "{ this is not JSON").status(),
                "another address is not refused: its body is read, and refused for what it is");
        TestUser.send(server.api(), ip, "GET", "/api/cities", null).expect(200);
    }

    @Test
    void aTokenToldToWaitForTicketsIsRefusedAtTheEdgeAndOthersAreNot() {
        TestUser flooder = TestUser.register(server.api(), "Ticket Flooder");
        TestUser neighbour = TestUser.register(server.api(), "Ticket Neighbour");
        int status = 0;
        for (int i = 0; i < 200 && status != 429; i++) {
            status = flooder.post("/api/live/tickets", null).status();
        }
        assertEquals(429, status, "the account's ticket budget runs out");
        Api.Response again = flooder.post("/api/live/tickets", null);
        assertEquals(429, again.status());
        assertTrue(again.header("Retry-After").isPresent(), again.toString());
        neighbour.post("/api/live/tickets", null).expect(201);
        flooder.get("/api/me").expect(200);
    }
}
