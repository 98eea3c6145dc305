package org.creativecities.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.creativecities.config.ConfigResolver;
import org.creativecities.config.ResolvedConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    private static final PrintStream NOWHERE = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void configFileDefaultsToTheDistributionAndCanBeOverriddenByEnvironment() {
        Launcher byDefault = new Launcher(Path.of("/opt/ccc"), Map.of(), NOWHERE, NOWHERE);
        assertEquals(Path.of("/opt/ccc/config/application.properties"), byDefault.configFile());
        Launcher byEnv = new Launcher(Path.of("/opt/ccc"), Map.of("CCC_CONFIG_FILE", "/etc/ccc.properties"),
                NOWHERE, NOWHERE);
        assertEquals(Path.of("/etc/ccc.properties"), byEnv.configFile());
    }

    @Test
    void payaraArgumentsCarryPortRootDirWarAndLogging() throws IOException {
        Map<String, String> file = ConfigResolver.loadProperties(Path.of("../../config/application.properties"));
        ResolvedConfig config = ConfigResolver.builder()
                .systemProperties(Map.of("ccc.home", "/opt/ccc"))
                .environment(Map.of("CCC_HTTP_PORT", "9191"))
                .file(file, "test")
                .build()
                .resolve();
        String[] args = Launcher.payaraArguments(config, Path.of("/opt/ccc/core.war"), Path.of("/opt/ccc/config/logging.properties"));
        assertArrayEquals(new String[]{"--nohazelcast", "--disablephonehome", "--port", "9191",
            "--rootdir", "/opt/ccc/runtime", "--deploy", "/opt/ccc/core.war", "--contextroot", "/",
            "--logproperties", "/opt/ccc/config/logging.properties"}, args);
    }

    @Test
    void aClusteredNodeGetsPayarasClusteringOptionsInsteadOfNoHazelcast() throws IOException {
        Map<String, String> file = ConfigResolver.loadProperties(Path.of("../../config/application.properties"));
        ResolvedConfig config = ConfigResolver.builder()
                .systemProperties(Map.of("ccc.home", "/opt/ccc"))
                .environment(Map.of("CCC_CLUSTER_MODE", "tcpip", "CCC_CLUSTER_NAME", "ccc-run-7",
                        "CCC_CLUSTER_MEMBERS", "127.0.0.1:7900,127.0.0.1:7901", "CCC_CLUSTER_INTERFACES", "127.0.0.1",
                        "CCC_CLUSTER_START_PORT", "7901", "CCC_DB_URL", "jdbc:postgresql://127.0.0.1:5432/ccc"))
                .file(file, "test")
                .build()
                .resolve();
        String[] args = Launcher.payaraArguments(config, Path.of("/opt/ccc/core.war"), null);
        assertArrayEquals(new String[]{"--clusterName", "ccc-run-7", "--clusterMode",
            "tcpip:127.0.0.1:7900,127.0.0.1:7901", "--interfaces", "127.0.0.1", "--startPort", "7901",
            "--disablephonehome", "--port", "8080", "--rootdir", "/opt/ccc/runtime", "--deploy", "/opt/ccc/core.war",
            "--contextroot", "/"}, args);
    }

    @Test
    void aClusterModeWithoutMembersExitsWith2BeforeBooting(@TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve("config"));
        String shipped = Files.readString(Path.of("../../config/application.properties"));
        Files.writeString(home.resolve("config/application.properties"), shipped
                + "\nccc.cluster.mode=tcpip\nccc.db.url=jdbc:postgresql://127.0.0.1:5432/ccc\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Launcher launcher = new Launcher(home, Map.of(), NOWHERE, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(Launcher.EXIT_CONFIG, launcher.run());
        String out = err.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("Configuration error:"), out);
        assertTrue(out.contains("ccc.cluster.members: has no value, and ccc.cluster.mode=tcpip needs the members"),
                out);
    }

    @Test
    void aConfigurationErrorExitsWith2BeforeBooting(@TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/application.properties"), "ccc.http.port=http\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Launcher launcher = new Launcher(home, Map.of(), NOWHERE, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(Launcher.EXIT_CONFIG, launcher.run());
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Configuration error:"), text);
        assertTrue(text.contains("ccc.http.port: 'http' is not a valid port (1-65535)"), text);
        assertTrue(text.contains("ccc.auth.token-ttl: has no value"), "every problem is listed: " + text);
    }

    @Test
    void awaitReadyWaitsForA200() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger calls = new AtomicInteger();
        http.createContext("/health/ready", exchange -> {
            int status = calls.incrementAndGet() < 3 ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        http.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/health/ready");
            assertNull(Launcher.awaitReady(uri, Duration.ofSeconds(20)));
            assertEquals(3, calls.get());
        } finally {
            http.stop(0);
        }
    }

    @Test
    void awaitReadyGivesUpAfterTheTimeoutWithTheLastAnswer() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/health/ready", exchange -> {
            byte[] body = "{\"status\":\"DOWN\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/health/ready");
            String last = Launcher.awaitReady(uri, Duration.ofMillis(600));
            assertNotNull(last);
            assertTrue(last.contains("answered 503: {\"status\":\"DOWN\"}"), last);
        } finally {
            http.stop(0);
        }
    }
}
