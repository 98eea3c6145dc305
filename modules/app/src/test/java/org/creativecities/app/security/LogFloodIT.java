package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12, "Done when": a flood of refused requests must not fill the log (the mixed attack must leave a log under
 * 1 MiB). One access-log line per refused request was ~300 bytes each: thousands a minute under attack. Repeated
 * client errors of one kind are logged at most ten times a minute, the next line counting what was left out.
 */
@ExtendWith(SharedServer.class)
class LogFloodIT {

    @Test
    void aFloodOfRefusedRequestsWritesAFewAccessLinesAMinute(PackagedServer server, Api api) throws InterruptedException {
        String path = "/api/admin/plugins/flood-" + System.nanoTime();
        for (int i = 0; i < 300; i++) {
            int status = api.request("DELETE", path).send().status();
            assertTrue(status == 401 || status == 429, "refused: " + status);
        }
        String marker = "/api/log-flood-marker-" + System.nanoTime();
        api.get(marker).expect(404);
        for (int i = 0; i < 100 && !server.logText().contains(marker); i++) {
            Thread.sleep(100);
        }
        String log = server.logText();
        assertTrue(log.contains(marker), "the access log is written");
        Matcher lines = Pattern.compile("\"path\":\"" + Pattern.quote(path) + "\"").matcher(log);
        int count = 0;
        while (lines.find()) {
            count++;
        }
        // At most ten lines a minute per status (401, and 429 if the address's limit was reached), twice that should
        // a minute turn during the flood.
        assertTrue(count >= 1 && count <= 40, "300 identical refusals wrote " + count + " access-log lines");
    }
}
