package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.creativecities.app.plugins.PluginAdmin;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The malformed-body corpus ({@code security/malformed-json.txt}) sent to every body-taking route of every bundled
 * domain plugin, as the routes appear in {@code /openapi}, in a seeded city, as an administrator. Each answer must be
 * a clean refusal (a 4xx problem document with no Java name or stack trace), and none may count against the plugin:
 * its failures and its last error stay as they were, because a caller's bad input is not the plugin's fault.
 */
@ExtendWith(SharedServer.class)
class PluginMalformedBodiesIT {

    private static final Set<String> BODY_METHODS = Set.of("post", "put", "patch");
    private static final Set<String> DOMAINS = Set.of("film", "music", "gastronomy", "literature");

    @Test
    void everyDomainPluginRouteRefusesEveryMalformedBodyCleanlyAndNoneCountsAgainstThePlugin(PackagedServer server)
            throws Exception {
        TestUser admin = TestUser.admin(server);
        List<JsonMalformedCorpusIT.Operation> operations = pluginOperations(server);
        Set<String> covered = new TreeSet<>();
        operations.forEach(op -> covered.add(op.path().split("/")[3]));
        assertEquals(Set.of("film", "gastronomy", "music"), covered,
                "the domain plugins with body-taking routes are in the document (literature acts by frames only): "
                        + operations);
        Map<String, String> before = failures(server);
        List<byte[]> corpus = JsonMalformedCorpusIT.corpus();
        List<String> unclean = new ArrayList<>();
        int sent = 0;
        for (JsonMalformedCorpusIT.Operation op : operations) {
            sent += JsonMalformedCorpusIT.sendAll(server, admin, op, corpus, unclean, 400, 404, 409, 413, 415, 422);
        }
        assertTrue(unclean.isEmpty(), unclean.size() + " of " + sent + " answers were not clean refusals:\n"
                + String.join("\n", unclean.subList(0, Math.min(unclean.size(), 40))));
        assertEquals(before, failures(server), "a caller's malformed body counted against a plugin");
    }

    /** Each domain plugin's failure count and last error, as the administration reports them. */
    private static Map<String, String> failures(PackagedServer server) {
        PluginAdmin admin = PluginAdmin.of(server);
        Map<String, String> out = new TreeMap<>();
        for (String id : DOMAINS) {
            JsonObject p = admin.plugin(id);
            out.put(id, p.getInt("recentFailures", 0) + " " + p.getString("lastError", "") + " "
                    + p.getString("lastErrorAt", ""));
        }
        return out;
    }

    /** The domain plugins' body-taking routes in a city, the city slug a seeded city's, other parameters 1. */
    private static List<JsonMalformedCorpusIT.Operation> pluginOperations(PackagedServer server) {
        JsonObject paths = server.api().request("GET", "/openapi").header("Accept", "application/json").send()
                .expect(200).object().getJsonObject("paths");
        List<JsonMalformedCorpusIT.Operation> found = new ArrayList<>();
        for (String path : paths.keySet()) {
            String[] segments = path.split("/");
            // Each route is published network-wide and in a city; both reach the same handler, so one form will do.
            if (!path.startsWith("/api/plugins/") || segments.length < 4 || !DOMAINS.contains(segments[3])
                    || !path.contains("{citySlug}")) {
                continue;
            }
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.keySet()) {
                if (BODY_METHODS.contains(method)) {
                    String concrete = path.replace("{citySlug}", "lyon").replaceAll("\\{[^}]+}", "1");
                    found.add(new JsonMalformedCorpusIT.Operation(method, concrete, JsonValue.EMPTY_JSON_OBJECT));
                }
            }
        }
        return found;
    }
}
