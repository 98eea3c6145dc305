package org.creativecities.app.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;

/**
 * Profiles saved before the directory's folded search keys existed (migration V12 adds the columns empty) are found
 * without accents after the next start: the start fills every missing key ({@code ProfileSearchKeys}). While the
 * server is down the scenario empties the keys in the database, as V12 leaves them; after the restart "ZOE" finds
 * "Zoë" by name and "CERAMIQUE" by bio, and the log says how many profiles were filled.
 */
final class ProfileKeysRestart implements RestartScenario.Check {

    private final PackagedServer server;
    private final Api api;
    private final String token;
    private final long id;

    private ProfileKeysRestart(PackagedServer server, String token, long id) {
        this.server = server;
        this.api = server.api();
        this.token = token;
        this.id = id;
    }

    static RestartScenario.Check prepare(PackagedServer server) {
        String token = "keyfill" + UUID.randomUUID().toString().substring(0, 8);
        TestUser zoe = TestUser.register(server.api(), "Zoë " + token);
        zoe.patch("/api/people/" + zoe.id(), Api.json("bio", "Céramique " + token)).expect(200);
        ProfileKeysRestart check = new ProfileKeysRestart(server, token, zoe.id());
        assertEquals(List.of(zoe.id()), check.found("ZOE " + token.toUpperCase()), "found by name before the crash");
        return check;
    }

    /** Empties the keys while the server is down ({@link DatabaseShell}: on H2 as a crash leaves the file). */
    @Override
    public void whileDown() {
        String out = DatabaseShell.run(server, "UPDATE profile SET search_text = NULL, search_tags = NULL; "
                + "SELECT COUNT(*) AS emptied FROM profile WHERE search_text IS NULL");
        assertTrue(out.matches("(?s).*EMPTIED\\s+[1-9][0-9]*.*"), "the profiles' keys emptied: " + out);
    }

    @Override
    public void afterRestart() {
        assertEquals(List.of(id), found("ZOE " + token.toUpperCase()), "found by name without accents");
        assertEquals(List.of(id), found("CERAMIQUE " + token), "found by bio without accents");
        try {
            assertTrue(Files.readString(server.logFile()).contains("Directory search keys computed for"),
                    "the start says it filled the keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Long> found(String query) {
        return api.get("/api/people?size=50&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).expect(200)
                .object().getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
    }
}
