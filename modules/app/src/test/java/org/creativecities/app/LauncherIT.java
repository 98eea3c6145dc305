package org.creativecities.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.PostgresDatabase;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The packaged distribution starts, answers and uses its configuration; a bad configuration stops it early. */
@ExtendWith(SharedServer.class)
class LauncherIT {

    @Test
    void bootsPrintsTheReadyLineAndAnswers(PackagedServer server, Api api) {
        List<String> readyLines = server.logText().lines()
                .filter(l -> l.startsWith(PackagedServer.READY_PREFIX)).toList();
        assertEquals(List.of("Creative Cities Commons is ready at http://localhost:" + server.port()), readyLines);

        Api.Response ready = api.get("/health/ready").expect(200);
        assertEquals("UP", ready.object().getString("status"), ready.body());
    }

    @Test
    void servesTheOpenApiDocumentOfTheCore(Api api) {
        JsonObject openapi = api.get("/openapi").expect(200).object();
        assertTrue(openapi.getString("openapi").startsWith("3."), openapi.toString());
        assertEquals("Creative Cities Commons API", openapi.getJsonObject("info").getString("title"),
                "the core's API is described");
    }

    @Test
    void payaraUsesTheConfiguredRuntimeDirAndTheWarTheConfiguredDataDir(PackagedServer server) throws IOException {
        Path runtime = server.runtimeDir();
        assertTrue(Files.isRegularFile(runtime.resolve("config/domain.xml")), "Payara's domain.xml is in " + runtime);
        try (Stream<Path> unpacked = Files.list(runtime.resolve("runtime"))) {
            assertTrue(unpacked.anyMatch(p -> p.getFileName().toString().endsWith(".jar")),
                    "Payara unpacked its runtime jars into " + runtime);
        }
        try (Stream<Path> tmp = Files.list(server.tmpDir())) {
            List<String> payaraTemp = tmp.map(p -> p.getFileName().toString())
                    .filter(n -> n.toLowerCase().contains("payara")).toList();
            assertEquals(List.of(), payaraTemp, "nothing of Payara's in java.io.tmpdir " + server.tmpDir());
        }
        // ccc.data.dir reached the WAR: its search index (ccc.search.dir = ${ccc.data.dir}/search) is there, and on
        // H2 its database (ccc.db.url = jdbc:h2:file:${ccc.data.dir}/ccc); on PostgreSQL no H2 file at all.
        assertTrue(Files.isDirectory(server.dataDir().resolve("search")),
                "the search index is in the configured data dir " + server.dataDir());
        assertEquals(!PostgresDatabase.wholeRun(), Files.isRegularFile(server.dataDir().resolve("ccc.mv.db")),
                "an H2 database file in the configured data dir " + server.dataDir() + " exactly when the run is on H2");
    }

    @Test
    void invalidValuesStopStartUpAndNameKeyAndValue() {
        PackagedServer.Failure failure = PackagedServer.builder("invalid-config")
                .env("CCC_HTTP_PORT", "abc")
                .env("CCC_AUTH_TOKEN_TTL", "forever")
                .env("CCC_ADMIN_PASSWORD", "tooshort")
                .build()
                .startExpectingFailure();

        assertEquals(Launcher.EXIT_CONFIG, failure.exitCode(), failure.output());
        String out = failure.output();
        assertTrue(out.contains("Configuration error:"), out);
        assertTrue(out.contains("ccc.http.port: 'abc' is not a valid port (1-65535) "
                + "[from environment variable CCC_HTTP_PORT]"), out);
        assertTrue(out.contains("ccc.auth.token-ttl: 'forever' is not an ISO-8601 duration"), out);
        assertTrue(out.contains("ccc.admin.password: <hidden> is too short"), out);
        assertFalse(out.contains("tooshort"), "a secret is never printed: " + out);
        assertFalse(out.contains("Payara"), "Payara was not started: " + out);
    }

    @Test
    void aMissingConfigFileIsAConfigurationError() {
        PackagedServer.Failure failure = PackagedServer.builder("missing-config-file")
                .env("CCC_CONFIG_FILE", "/nonexistent/ccc.properties")
                .build()
                .startExpectingFailure();
        assertEquals(Launcher.EXIT_CONFIG, failure.exitCode(), failure.output());
        assertTrue(failure.output().contains("cannot read the configuration file /nonexistent/ccc.properties"),
                failure.output());
    }

    @Test
    void aRuntimeFolderThatIsNotPayarasIsRefusedAndLeftAlone() throws IOException {
        Path folder = Files.createTempDirectory("not-a-runtime");
        Path precious = Files.writeString(folder.resolve("thesis.md"), "years of work");
        try {
            PackagedServer.Failure failure = PackagedServer.builder("foreign-runtime")
                    .env("CCC_RUNTIME_DIR", folder.toString())
                    .build()
                    .startExpectingFailure();
            assertEquals(Launcher.EXIT_CONFIG, failure.exitCode(), failure.output());
            assertTrue(failure.output().contains("ccc.runtime.dir: the folder '" + folder
                    + "' is not empty and is not a Payara Micro runtime folder"), failure.output());
            assertFalse(failure.output().contains("Payara Micro Runtime directory"), "Payara was not started");
            assertEquals("years of work", Files.readString(precious));
        } finally {
            Files.deleteIfExists(precious);
            Files.deleteIfExists(folder);
        }
    }

    @Test
    void aBusyPortIsReportedBeforeBooting() throws IOException {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(0));
            PackagedServer.Failure failure = PackagedServer.builder("busy-port")
                    .env("CCC_HTTP_PORT", String.valueOf(busy.getLocalPort()))
                    .build()
                    .startExpectingFailure();
            assertNotEquals(0, failure.exitCode());
            assertEquals(Launcher.EXIT_STARTUP, failure.exitCode(), failure.output());
            assertTrue(failure.output().contains("Start-up error: port " + busy.getLocalPort() + " is already in use"),
                    failure.output());
            assertFalse(failure.output().contains("Payara"), failure.output());
        }
    }
}
