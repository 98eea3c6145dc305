package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creativecities.app.plugins.PluginAdmin;
import org.creativecities.app.plugins.PluginJars;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12, Low "The audit log records moderation, but not administrators' changes": roles, plugins, cities and
 * designations are recorded too, with who, what, when and the value before and after.
 */
@ExtendWith(SharedServer.class)
class OpsAdminAuditIT {

    /** The newest audit entry with this action and subject, if any. */
    private static Optional<JsonObject> entry(TestUser admin, String action, String subject) {
        return admin.get("/api/admin/audit?size=100").expect(200).object().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .filter(e -> action.equals(e.getString("action")) && subject.equals(e.getString("subject", "")))
                .findFirst();
    }

    private static JsonObject expectEntry(TestUser admin, String action, String subject) {
        JsonObject e = entry(admin, action, subject).orElseThrow(() -> new AssertionError("no audit entry "
                + action + " " + subject + " in " + admin.get("/api/admin/audit?size=20").body()));
        assertEquals(admin.id(), e.getJsonNumber("actorId").longValue(), e.toString());
        assertTrue(e.containsKey("createdAt"), e.toString());
        return e;
    }

    private static String text(JsonObject e, String key) {
        return e.isNull(key) ? null : e.getString(key);
    }

    @Test
    void roleChangesAreRecordedWithBeforeAndAfter(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser member = TestUser.register(api, "Audit Member");
        admin.put("/api/admin/accounts/" + member.id() + "/admin", Api.json("admin", true)).expect(200);
        JsonObject granted = expectEntry(admin, "account.admin", "account " + member.id());
        assertEquals("false", text(granted, "before"));
        assertEquals("true", text(granted, "after"));
        admin.put("/api/admin/accounts/" + member.id() + "/admin", Api.json("admin", false)).expect(200);
        JsonObject withdrawn = expectEntry(admin, "account.admin", "account " + member.id());
        assertEquals("true", text(withdrawn, "before"));
        assertEquals("false", text(withdrawn, "after"));
    }

    @Test
    void cityChangesAreRecorded(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        String slug = admin.post("/api/cities", Api.json("name", "Auditville " + System.nanoTime(),
                "countryCode", "FR", "joinPolicy", "OPEN", "description", "Before.")).expect(201).object()
                .getString("slug");
        expectEntry(admin, "city.create", "city " + slug);
        admin.patch("/api/cities/" + slug, Api.json("description", "After.")).expect(200);
        JsonObject updated = expectEntry(admin, "city.update", "city " + slug);
        assertTrue(text(updated, "before").contains("Before."), updated.toString());
        assertTrue(text(updated, "after").contains("After."), updated.toString());
        admin.post("/api/cities/" + slug + "/designations", Api.json("field", "music", "year", 2017)).expect(201);
        assertTrue(text(expectEntry(admin, "city.designate", "city " + slug), "after").contains("music"));
        TestUser member = TestUser.register(api, "Audit Coordinator");
        member.post("/api/cities/" + slug + "/members", null).expect(200, 201, 202);
        admin.put("/api/cities/" + slug + "/members/" + member.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        JsonObject role = expectEntry(admin, "city.role", "account " + member.id() + " in " + slug);
        assertEquals("MEMBER", text(role, "before"));
        assertEquals("COORDINATOR", text(role, "after"));
        admin.delete("/api/cities/" + slug).expect(204);
        expectEntry(admin, "city.retire", "city " + slug);
    }

    @Test
    void pluginChangesAreRecorded(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        String id = "ops-audit-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String subject = "plugin " + id;
        String slug = admin.post("/api/cities", Api.json("name", "Plugton " + System.nanoTime(), "countryCode", "FR",
                "joinPolicy", "OPEN")).expect(201).object().getString("slug");
        try {
            PluginAdmin.of(server).install(PluginJars.variant("good", Map.of("Plugin-Id", id)));
            assertTrue(text(expectEntry(admin, "plugin.install", subject), "after").contains("1."));
            admin.post("/api/admin/plugins/" + id + "/stop", null).expect(200);
            expectEntry(admin, "plugin.stop", subject);
            admin.post("/api/admin/plugins/" + id + "/start", null).expect(200);
            expectEntry(admin, "plugin.start", subject);
            admin.post("/api/admin/plugins/" + id + "/disable", null).expect(200);
            expectEntry(admin, "plugin.disable", subject);
            admin.post("/api/admin/plugins/" + id + "/enable", null).expect(200);
            expectEntry(admin, "plugin.enable", subject);
            admin.put("/api/admin/plugins/" + id + "/cities", Api.json("networkWide", false, "cities", List.of(slug)))
                    .expect(200);
            JsonObject placed = expectEntry(admin, "plugin.placement", subject);
            assertEquals("network-wide", text(placed, "before"), placed.toString());
            assertEquals(slug, text(placed, "after"), placed.toString());
            admin.put("/api/admin/plugins/" + id + "/settings", Api.json("values", Api.json("greeting", "Ahoy")))
                    .expect(200);
            JsonObject settings = expectEntry(admin, "plugin.settings", subject);
            assertTrue(text(settings, "after").contains("Ahoy"), settings.toString());
            admin.delete("/api/admin/plugins/" + id + "?purge=true").expect(204);
            expectEntry(admin, "plugin.uninstall", subject);
        } finally {
            admin.delete("/api/admin/plugins/" + id + "?purge=true").expect(204, 404);
            admin.delete("/api/cities/" + slug).expect(204);
        }
    }
}
