package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Set;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12, Medium 9 "Public internals": {@code /health} tells anyone UP or DOWN and nothing else; the checks'
 * details (the plugins' last errors among them) and {@code /metrics} are for administrators.
 */
@ExtendWith(SharedServer.class)
class OpsPublicInternalsIT {

    @Test
    void anonymousHealthShowsOnlyTheStatus(Api api) {
        for (String path : new String[] {"/health", "/health/live", "/health/ready", "/health/started"}) {
            Api.Response r = api.get(path);
            assertTrue(r.status() == 200 || r.status() == 503, r.toString());
            JsonObject body = r.object();
            assertEquals(Set.of("status"), body.keySet(), path + ": " + r);
            assertEquals(r.status() == 200 ? "UP" : "DOWN", body.getString("status"));
        }
    }

    @Test
    void metricsAreNotPublic(Api api) {
        for (String path : new String[] {"/metrics", "/metrics/base", "/metrics/application", "/metrics?scope=base"}) {
            Api.Response r = api.request("GET", path).header("Accept", "text/plain").send();
            assertTrue(r.status() == 401 || r.status() == 403 || r.status() == 404, path + ": " + r);
            assertFalse(r.body().contains("jvm") || r.body().contains("base_"), path + " leaks: " + r);
        }
    }

    @Test
    void aMemberSeesNeitherDetailsNorMetrics(Api api) {
        TestUser member = TestUser.register(api, "Internals Member");
        assertEquals(Set.of("status"), member.get("/health").object().keySet());
        Api.Response metrics = member.send("GET", "/metrics", null);
        assertTrue(metrics.status() == 403 || metrics.status() == 404, metrics.toString());
    }

    @Test
    void anAdministratorSeesTheDetailsAndTheMetrics(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        JsonObject health = admin.get("/health").expect(200).object();
        assertTrue(health.containsKey("checks"), health.toString());
        assertTrue(health.toString().contains("plugins"), health.toString());
        Api.Response metrics = admin.api().request("GET", "/metrics").header("Accept", "text/plain")
                .header("X-Forwarded-For", admin.ip()).send().expect(200);
        assertTrue(metrics.body().contains("jvm") || metrics.body().contains("base_"), metrics.toString());
    }
}
