package org.creativecities.app.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.creativecities.app.restart.RestartScenario;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;

/**
 * The first start of a server on a fresh H2 file (the first administrator, the seed, what it prints and listens on),
 * and what survives a restart. Run by {@code restart.AcrossRestartIT}, whose server is started fresh.
 */
public final class FirstStart {

    private FirstStart() {
    }

    /** A first start imports the seed: every member city. */
    public static void aFirstStartImportsEveryCity(PackagedServer server) {
        assertEquals(396, server.api().get("/api/stats").expect(200).object().getInt("cities"));
    }

    /** A start prints under 30 lines at INFO. */
    public static void aFirstStartPrintsFewLines(PackagedServer server) {
        String log = server.logText();
        int ready = log.indexOf(PackagedServer.READY_PREFIX);
        assertTrue(ready > 0, "the server became ready");
        List<String> lines = log.substring(0, ready).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("[testkit]")).toList();
        assertTrue(lines.size() < 30, "a start prints under 30 lines at INFO, the first administrator's password "
                + "included; it printed " + lines.size() + ":\n" + String.join("\n", lines));
    }

    /** The works context's beans are discovered in WEB-INF/lib and its schema migrated. */
    public static void theContextsBesideTheCoreAreDeployedWithIt(PackagedServer server) {
        String log = server.logText();
        assertTrue(log.contains("Context schemas: ") && log.contains("works at version"),
                "the works context's beans are discovered in WEB-INF/lib and its schema migrated:\n" + log);
    }

    /**
     * The first administrator's generated password, then people's and coordinators' edits, survive a restart; the
     * seed is not imported twice, nor a second administrator created, and the restarted server deploys once.
     */
    public static RestartScenario.Check firstAdministratorThenEverythingSurvivesARestart(PackagedServer server)
            throws IOException {
        Path file = server.dataDir().resolve("initial-admin-password");
        assertTrue(Files.isRegularFile(file), "the generated password is written to the data folder");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "readable by the owner only");
        String password = Files.readString(file, StandardCharsets.UTF_8).trim();
        assertTrue(password.length() >= 16);
        assertTrue(server.logText().contains("Password: " + password), "printed once to the log");

        Api api = server.api();
        TestUser admin = TestUser.signIn(api, "admin@creativecities.local", password, TestUser.freshIp());
        assertTrue(admin.get("/api/me").expect(200).object().getBoolean("admin"));

        TestUser zoe = TestUser.register(api, "Zoe");
        zoe.post("/api/cities/seville/members", null).expect(201);
        zoe.patch("/api/people/" + zoe.id(), Api.json("bio", "Flamenco guitarist")).expect(200);
        admin.patch("/api/cities/seville", Api.json("description", "City of Music since 2006.")).expect(200);
        admin.put("/api/cities/seville/members/" + zoe.id() + "/role", Api.json("role", "COORDINATOR")).expect(200);
        int cities = api.get("/api/stats").expect(200).object().getInt("cities");

        return () -> {
            Api again = server.api();
            TestUser zoeAgain = zoe.on(again);
            assertEquals(1, countOccurrences(server.logText(), "First administrator created"),
                    "no second administrator after a restart");
            // Payara's runtime folder is emptied before each start, so a restart deploys the application once;
            // reusing it deployed the old copy first and then the new one, closing the database in between.
            String sinceRestart = server.processOutput();
            assertEquals(1, countOccurrences(sinceRestart, "Creative Cities Commons core started in"),
                    "the restarted server started the application once");
            assertEquals(0, countOccurrences(sinceRestart, "Stopped plugin film"),
                    "and never stopped it while it ran");

            JsonObject stats = again.get("/api/stats").expect(200).object();
            assertEquals(cities, stats.getInt("cities"), "the seed is not imported twice");
            assertEquals(2, again.get("/api/cities/lyon").expect(200).object().getJsonArray("designations").size());
            JsonObject seville = again.get("/api/cities/seville").expect(200).object();
            assertEquals("City of Music since 2006.", seville.getString("description"));
            assertEquals(1, seville.getInt("memberCount"));
            assertEquals(zoe.id(), seville.getJsonArray("coordinators").getJsonObject(0).getJsonNumber("accountId")
                    .longValue());
            assertEquals("Flamenco guitarist",
                    again.get("/api/people/" + zoe.id()).expect(200).object().getString("bio"));
            zoeAgain.get("/api/me").expect(200);
            TestUser.signIn(again, zoe.email(), TestUser.PASSWORD, TestUser.freshIp());
            TestUser.signIn(again, "admin@creativecities.local", password, TestUser.freshIp());
        };
    }

    /** No listening port but the HTTP one (Payara's Hazelcast member is off). */
    public static void theServerListensOnItsHttpPortOnly(PackagedServer server) throws IOException {
        Path proc = Path.of("/proc", Long.toString(server.pid()));
        assumeTrue(Files.isDirectory(proc.resolve("fd")), "Linux /proc is needed to list a process's sockets");
        Set<String> sockets = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // A descriptor closed while the folder was read.
                }
            }
        }
        Set<Integer> listening = new TreeSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = proc.resolve("net").resolve(table);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            List<String> rows = Files.readAllLines(file);
            for (String line : rows.subList(1, rows.size())) {
                String[] f = line.trim().split("\\s+");
                // local_address is HEX_IP:HEX_PORT, st 0A is LISTEN, the inode is the tenth column.
                if (f.length > 9 && f[3].equals("0A") && sockets.contains(f[9])) {
                    listening.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                }
            }
        }
        assertEquals(Set.of(server.port()), listening, "no other listening port (Payara's Hazelcast member used "
                + "6900 and above)");
    }

    private static int countOccurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
