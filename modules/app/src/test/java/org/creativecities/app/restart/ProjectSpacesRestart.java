package org.creativecities.app.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;

/**
 * Projects created before projects had spaces (migration V4 left their {@code space_id} empty) get their space at
 * the next start. While the server is down the scenario empties two projects' {@code space_id}, as V4 leaves it;
 * for one of them it also gives its space another slug, so that no space is left for it. After the restart the
 * first has a new space named after it, with its general room; the second has its own space again (a start that
 * stopped half-way is finished without a second space); the log says how many projects got one.
 */
final class ProjectSpacesRestart implements RestartScenario.Check {

    private final PackagedServer server;
    private final TestUser admin;
    private final String title;
    private final long lost;
    private final long lostSpace;
    private final long kept;
    private final long keptSpace;

    private ProjectSpacesRestart(PackagedServer server, TestUser admin, String title, JsonObject lost,
                                 JsonObject kept) {
        this.server = server;
        this.admin = admin;
        this.title = title;
        this.lost = lost.getJsonNumber("id").longValue();
        this.lostSpace = lost.getJsonNumber("space").longValue();
        this.kept = kept.getJsonNumber("id").longValue();
        this.keptSpace = kept.getJsonNumber("space").longValue();
    }

    static RestartScenario.Check prepare(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        String city = server.api().get("/api/cities?size=1").expect(200).object().getJsonArray("items")
                .getJsonObject(0).getString("slug");
        String title = "Old project " + UUID.randomUUID().toString().substring(0, 8);
        JsonObject lost = admin.post("/api/projects", body(title, city)).expect(201).object();
        JsonObject kept = admin.post("/api/projects", body(title + " kept", city)).expect(201).object();
        return new ProjectSpacesRestart(server, admin, title, lost, kept);
    }

    private static JsonObject body(String title, String city) {
        return Api.json("title", title, "goal", "From before spaces.", "cities",
                Json.createArrayBuilder().add(city).build());
    }

    @Override
    public void whileDown() {
        String out = DatabaseShell.run(server, "UPDATE project SET space_id = NULL WHERE id IN (" + lost + ", " + kept
                + "); UPDATE space SET slug = 'gone-" + lost + "' WHERE id = " + lostSpace + "; "
                + "SELECT COUNT(*) AS emptied FROM project WHERE space_id IS NULL");
        assertTrue(out.matches("(?s).*EMPTIED\\s+[2-9][0-9]*.*"), "the projects' spaces emptied: " + out);
    }

    @Override
    public void afterRestart() {
        JsonObject project = admin.get("/api/projects/" + lost).expect(200).object();
        long space = project.getJsonNumber("space").longValue();
        assertNotEquals(lostSpace, space, "a new space");
        assertEquals(title, admin.get("/api/spaces/" + space).expect(200).object().getString("name"));
        assertEquals(List.of("general"), admin.get("/api/spaces/" + space + "/rooms").expect(200).array()
                .getValuesAs(JsonObject.class).stream().map(r -> r.getString("name")).toList());
        assertEquals(keptSpace, admin.get("/api/projects/" + kept).expect(200).object().getJsonNumber("space")
                .longValue(), "the space already opened under its slug");
        try {
            assertTrue(Files.readString(server.logFile()).contains("Spaces opened for"),
                    "the start says it opened spaces");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
