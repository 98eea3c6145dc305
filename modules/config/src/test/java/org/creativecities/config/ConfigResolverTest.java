package org.creativecities.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigResolverTest {

    private static final Path BASE = Path.of("/srv/ccc-work");

    /** A complete, valid file like config/application.properties, with ccc.home as the launcher sets it. */
    static Map<String, String> validFile() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ccc.http.port", "8080");
        f.put("ccc.http.allowed-origins", "http://localhost:8080,http://127.0.0.1:8080");
        f.put("ccc.http.trusted-proxies", "");
        f.put("ccc.data.dir", "./data");
        f.put("ccc.db.url", "jdbc:h2:file:${ccc.data.dir}/ccc;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        f.put("ccc.db.user", "sa");
        f.put("ccc.db.password", "");
        f.put("ccc.db.shared", "auto");
        f.put("ccc.plugins.dir", "${ccc.home}/plugins");
        f.put("ccc.runtime.dir", "${ccc.home}/runtime");
        f.put("ccc.seed.cities", "${ccc.home}/config/cities.csv");
        f.put("ccc.admin.email", "admin@creativecities.local");
        f.put("ccc.admin.password", "");
        f.put("ccc.limits.page-size-max", "100");
        f.put("ccc.limits.request-body-max", "1048576");
        f.put("ccc.limits.uri-max", "8192");
        f.put("ccc.limits.json-depth-max", "32");
        f.put("ccc.auth.token-ttl", "P30D");
        f.put("ccc.auth.max-failures", "10");
        f.put("ccc.auth.lockout", "PT15M");
        f.put("ccc.auth.slowdown", "PT30S");
        f.put("ccc.monitoring.access", "admins");
        f.put("ccc.auth.ip-attempts-per-minute", "6");
        f.put("ccc.auth.password-checks-at-once", "0");
        f.put("ccc.log.format", "text");
        f.put("ccc.plugins.max-upload", "52428800");
        f.put("ccc.plugins.max-inflated-size", "268435456");
        f.put("ccc.plugins.call-timeout", "PT2S");
        f.put("ccc.plugins.start-timeout", "PT10S");
        f.put("ccc.plugins.failure-threshold", "3");
        f.put("ccc.plugins.city-failure-threshold", "3");
        f.put("ccc.plugins.failure-window", "PT60M");
        f.put("ccc.plugins.max-concurrent-calls", "8");
        f.put("ccc.plugins.max-threads", "32");
        f.put("ccc.plugins.timers.max-per-plugin", "100");
        f.put("ccc.plugins.timers.min-delay", "PT1S");
        f.put("ccc.plugins.timers.retry-delay", "PT30S");
        f.put("ccc.plugins.sync-interval", "PT2S");
        f.put("ccc.plugins.timers.sweep-interval", "PT5S");
        f.put("ccc.live.ticket-ttl", "PT30S");
        f.put("ccc.live.tickets-per-minute", "60");
        f.put("ccc.live.handshakes-per-minute", "120");
        f.put("ccc.live.resume-max", "500");
        f.put("ccc.live.outbound-queue", "2048");
        f.put("ccc.live.outbound-queue-chars", "16777216");
        f.put("ccc.live.slow-consumer-grace", "PT10S");
        f.put("ccc.live.max-connections-per-user", "8");
        f.put("ccc.live.connection-frames-per-minute", "120");
        f.put("ccc.live.user-frames-per-minute", "240");
        f.put("ccc.live.visitor-frames-per-minute", "600");
        f.put("ccc.live.idle-timeout", "PT5M");
        f.put("ccc.live.ping-interval", "PT30S");
        f.put("ccc.live.frame-sender", "auto");
        f.put("ccc.cluster.mode", "none");
        f.put("ccc.cluster.name", "ccc");
        f.put("ccc.cluster.start-port", "6900");
        f.put("ccc.startup.timeout", "PT5M");
        return f;
    }

    static Map<String, String> home() {
        return Map.of("ccc.home", "/opt/ccc");
    }

    private static ResolvedConfig resolve(Map<String, String> sys, Map<String, String> env, Map<String, String> file) {
        return ConfigResolver.builder().systemProperties(sys).environment(env).file(file, "file test.properties")
                .baseDir(BASE).build().resolve();
    }

    private static ResolvedConfig resolveFileWith(String key, String value) {
        Map<String, String> f = validFile();
        f.put(key, value);
        return resolve(home(), Map.of(), f);
    }

    private static List<String> problemsWith(String key, String value) {
        return assertThrows(ConfigException.class, () -> resolveFileWith(key, value)).problems();
    }

    @Test
    void aValidFileResolvesEveryKeyWithTypes() {
        ResolvedConfig c = resolve(home(), Map.of(), validFile());
        assertEquals(8080, c.getInt(ConfigKey.HTTP_PORT));
        assertEquals(List.of("http://localhost:8080", "http://127.0.0.1:8080"), c.getList(ConfigKey.HTTP_ALLOWED_ORIGINS));
        assertEquals(Path.of("/srv/ccc-work/data"), c.getPath(ConfigKey.DATA_DIR));
        assertEquals("jdbc:h2:file:/srv/ccc-work/data/ccc;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", c.get(ConfigKey.DB_URL));
        assertEquals(Path.of("/opt/ccc/plugins"), c.getPath(ConfigKey.PLUGINS_DIR));
        assertEquals(Path.of("/opt/ccc/runtime"), c.getPath(ConfigKey.RUNTIME_DIR));
        assertEquals(Path.of("/opt/ccc/config/cities.csv"), c.getPath(ConfigKey.SEED_CITIES));
        assertEquals("", c.getString(ConfigKey.ADMIN_PASSWORD));
        assertEquals(1048576, c.getInt(ConfigKey.LIMITS_REQUEST_BODY_MAX));
        assertEquals(Duration.ofDays(30), c.getDuration(ConfigKey.AUTH_TOKEN_TTL));
        assertEquals(Duration.ofMinutes(15), c.getDuration(ConfigKey.AUTH_LOCKOUT));
        assertEquals(6, c.getInt(ConfigKey.AUTH_IP_ATTEMPTS_PER_MINUTE));
        assertEquals(ConfigKey.values().length, c.asMap().size());
        assertTrue(c.warnings().isEmpty());
    }

    @Test
    void theShippedPropertiesFileIsCompleteAndValid() throws IOException {
        Path shipped = Path.of("../../config/application.properties");
        Map<String, String> file = ConfigResolver.loadProperties(shipped);
        ResolvedConfig c = resolve(home(), Map.of(), file);
        for (ConfigKey key : ConfigKey.values()) {
            if (key != ConfigKey.HOME) {
                assertTrue(file.containsKey(key.key()), key.key() + " has no default in " + shipped);
            }
        }
        assertFalse(file.containsKey("ccc.home"), "ccc.home is set by the launcher, not the file");
        assertEquals(8080, c.getInt(ConfigKey.HTTP_PORT));
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
    }

    @Test
    void typedGetterOfTheWrongTypeIsRefused() {
        ResolvedConfig c = resolve(home(), Map.of(), validFile());
        assertThrows(IllegalArgumentException.class, () -> c.getInt(ConfigKey.AUTH_TOKEN_TTL));
        assertThrows(IllegalArgumentException.class, () -> c.getPath(ConfigKey.HTTP_PORT));
    }

    @Nested
    class Precedence {

        @Test
        void systemPropertyBeatsEnvironmentBeatsFile() {
            Map<String, String> f = validFile();
            ResolvedConfig fileOnly = resolve(home(), Map.of(), f);
            assertEquals(8080, fileOnly.getInt(ConfigKey.HTTP_PORT));
            assertEquals("file test.properties", fileOnly.source(ConfigKey.HTTP_PORT));

            ResolvedConfig envWins = resolve(home(), Map.of("CCC_HTTP_PORT", "9090"), f);
            assertEquals(9090, envWins.getInt(ConfigKey.HTTP_PORT));
            assertEquals("environment variable CCC_HTTP_PORT", envWins.source(ConfigKey.HTTP_PORT));

            Map<String, String> sys = new HashMap<>(home());
            sys.put("ccc.http.port", "7070");
            ResolvedConfig sysWins = resolve(sys, Map.of("CCC_HTTP_PORT", "9090"), f);
            assertEquals(7070, sysWins.getInt(ConfigKey.HTTP_PORT));
            assertEquals("system property -Dccc.http.port", sysWins.source(ConfigKey.HTTP_PORT));
        }

        @Test
        void environmentNamesFollowMicroProfileMapping() {
            assertEquals("CCC_HTTP_ALLOWED_ORIGINS", ConfigResolver.environmentName("ccc.http.allowed-origins"));
            assertEquals("CCC_AUTH_IP_ATTEMPTS_PER_MINUTE", ConfigKey.AUTH_IP_ATTEMPTS_PER_MINUTE.environmentName());

            ResolvedConfig upper = resolve(home(), Map.of("CCC_HTTP_ALLOWED_ORIGINS", "https://a.example"), validFile());
            assertEquals(List.of("https://a.example"), upper.getList(ConfigKey.HTTP_ALLOWED_ORIGINS));
            ResolvedConfig exact = resolve(home(), Map.of("ccc.db.user", "exact"), validFile());
            assertEquals("exact", exact.get(ConfigKey.DB_USER));
            ResolvedConfig sanitized = resolve(home(), Map.of("ccc_db_user", "sanitized", "CCC_DB_USER", "upper"),
                    validFile());
            assertEquals("sanitized", sanitized.get(ConfigKey.DB_USER), "exact, then sanitized, then upper case");
        }

        @Test
        void aReferenceUsesTheOverriddenValue() {
            ResolvedConfig c = resolve(home(), Map.of("CCC_DATA_DIR", "/var/lib/ccc"), validFile());
            assertEquals("jdbc:h2:file:/var/lib/ccc/ccc;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", c.get(ConfigKey.DB_URL));
        }

        @Test
        void valuesAreTrimmedButSecretsAreNot() {
            Map<String, String> f = validFile();
            f.put("ccc.http.port", " 8081 ");
            f.put("ccc.db.password", " spaced ");
            ResolvedConfig c = resolve(home(), Map.of(), f);
            assertEquals(8081, c.getInt(ConfigKey.HTTP_PORT));
            assertEquals(" spaced ", c.get(ConfigKey.DB_PASSWORD));
        }
    }

    @Nested
    class Expansion {

        @Test
        void chainedAndUnknownReferencesExpand() {
            Map<String, String> f = validFile();
            f.put("site.root", "${user.home}/ccc");
            f.put("ccc.data.dir", "${site.root}/data");
            ResolvedConfig c = resolve(Map.of("ccc.home", "/opt/ccc", "user.home", "/home/ana"), Map.of(), f);
            assertEquals(Path.of("/home/ana/ccc/data"), c.getPath(ConfigKey.DATA_DIR));
            assertEquals("jdbc:h2:file:/home/ana/ccc/data/ccc;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                    c.get(ConfigKey.DB_URL));
            assertEquals("/home/ana/ccc", c.extras().get("site.root"));
            assertEquals("/home/ana/ccc", c.asMap().get("site.root"));
        }

        @Test
        void aMissingReferenceIsAProblem() {
            List<String> problems = problemsWith("ccc.seed.cities", "${nowhere}/cities.csv");
            assertEquals(List.of("ccc.seed.cities: '${nowhere}/cities.csv' refers to ${nowhere}, which has no value "
                    + "[from file test.properties]"), problems);
        }

        @Test
        void aMissingHomeIsReportedOnce() {
            ConfigException e = assertThrows(ConfigException.class, () -> resolve(Map.of(), Map.of(), validFile()));
            assertEquals(List.of("ccc.home: has no value (set it in the properties file, as environment variable "
                    + "CCC_HOME or as -Dccc.home=...)"), e.problems());
        }

        @Test
        void aCycleIsAProblem() {
            Map<String, String> f = validFile();
            f.put("ccc.data.dir", "${ccc.runtime.dir}/data");
            f.put("ccc.runtime.dir", "${ccc.data.dir}/runtime");
            ConfigException e = assertThrows(ConfigException.class, () -> resolve(home(), Map.of(), f));
            assertEquals(List.of("ccc.data.dir: circular ${} reference ccc.data.dir -> ccc.runtime.dir -> ccc.data.dir"),
                    e.problems());
        }

        @Test
        void anUnclosedReferenceIsAProblem() {
            assertEquals(List.of("ccc.data.dir: '${ccc.home/data' has an unclosed '${' [from file test.properties]"),
                    problemsWith("ccc.data.dir", "${ccc.home/data"));
        }

        @Test
        void secretsAreTakenLiterallyAndCannotBeReferenced() {
            Map<String, String> f = validFile();
            f.put("ccc.db.password", "pa${ccc.home}ss");
            assertEquals("pa${ccc.home}ss", resolve(home(), Map.of(), f).get(ConfigKey.DB_PASSWORD));

            List<String> problems = problemsWith("ccc.db.user", "${ccc.db.password}");
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).startsWith("ccc.db.user: '${ccc.db.password}' refers to the secret"),
                    problems.get(0));
        }
    }

    @Nested
    class Validation {

        @Test
        void theMessageNamesTheKeyTheValueAndTheSource() {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> resolve(home(), Map.of("CCC_HTTP_PORT", "abc"), validFile()));
            assertEquals(List.of("ccc.http.port: 'abc' is not a valid port (1-65535) "
                    + "[from environment variable CCC_HTTP_PORT]"), e.problems());
            assertTrue(e.getMessage().startsWith("Configuration error:"));
        }

        @Test
        void everyProblemIsReported() {
            Map<String, String> env = Map.of("CCC_HTTP_PORT", "abc", "CCC_AUTH_TOKEN_TTL", "forever",
                    "CCC_LIMITS_PAGE_SIZE_MAX", "0");
            ConfigException e = assertThrows(ConfigException.class, () -> resolve(home(), env, validFile()));
            assertEquals(3, e.problems().size(), e.problems().toString());
            assertTrue(e.problems().get(0).startsWith("ccc.http.port: 'abc'"));
            assertTrue(e.problems().get(1).startsWith("ccc.limits.page-size-max: '0'"));
            assertTrue(e.problems().get(2).startsWith("ccc.auth.token-ttl: 'forever' is not an ISO-8601 duration"));
        }

        @Test
        void aMissingKeyIsAProblemButAMissingSecretIsEmpty() {
            Map<String, String> f = validFile();
            f.remove("ccc.admin.password");
            f.remove("ccc.db.password");
            assertEquals("", resolve(home(), Map.of(), f).get(ConfigKey.ADMIN_PASSWORD));
            f.remove("ccc.auth.lockout");
            ConfigException e = assertThrows(ConfigException.class, () -> resolve(home(), Map.of(), f));
            assertEquals(List.of("ccc.auth.lockout: has no value (set it in the properties file, as environment "
                    + "variable CCC_AUTH_LOCKOUT or as -Dccc.auth.lockout=...)"), e.problems());
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "0", "65536", "-1", "80.5", ""})
        void badPorts(String port) {
            assertEquals(List.of("ccc.http.port: '" + port + "' is not a valid port (1-65535) [from file test.properties]"),
                    problemsWith("ccc.http.port", port));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "65535"})
        void goodPorts(String port) {
            assertEquals(Integer.parseInt(port), resolveFileWith("ccc.http.port", port).getInt(ConfigKey.HTTP_PORT));
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
            "localhost:8080; has no http or https scheme",
            "ftp://example.org; has no http or https scheme",
            "http://localhost:8080/; has a path, query or fragment",
            "https://example.org/app; has a path, query or fragment",
            "http://user@example.org; has no valid host",
            "http://; is not a URI",
        })
        void badOrigins(String origin, String problem) {
            List<String> problems = problemsWith("ccc.http.allowed-origins", "http://ok.example," + origin);
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).startsWith("ccc.http.allowed-origins: 'http://ok.example," + origin
                    + "' is not a list of origins: '" + origin + "' " + problem.trim()), problems.get(0));
        }

        @Test
        void anEmptyOriginEntryIsAProblem() {
            assertTrue(problemsWith("ccc.http.allowed-origins", "http://a.example,,http://b.example").get(0)
                    .contains("has an empty entry"));
        }

        @Test
        void originsAreNormalised() {
            ResolvedConfig c = resolveFileWith("ccc.http.allowed-origins", " HTTPS://Example.ORG , http://localhost:3000");
            assertEquals(List.of("https://example.org", "http://localhost:3000"), c.getList(ConfigKey.HTTP_ALLOWED_ORIGINS));
            assertEquals(List.of(), resolveFileWith("ccc.http.allowed-origins", "").getList(ConfigKey.HTTP_ALLOWED_ORIGINS));
            assertEquals("https://example.org,http://localhost:3000", c.get(ConfigKey.HTTP_ALLOWED_ORIGINS));
        }

        @Test
        void pathsAreMadeAbsoluteAgainstTheBaseDir() {
            assertEquals(Path.of("/srv/ccc-work/x/y"), resolveFileWith("ccc.data.dir", "x/./y").getPath(ConfigKey.DATA_DIR));
            assertEquals(Path.of("/abs"), resolveFileWith("ccc.data.dir", "/abs/").getPath(ConfigKey.DATA_DIR));
            assertEquals(List.of("ccc.data.dir: '' is not a path (it is empty) [from file test.properties]"),
                    problemsWith("ccc.data.dir", ""));
            assertTrue(problemsWith("ccc.data.dir", "bad\0path").get(0).startsWith("ccc.data.dir: 'bad\0path' is not a valid path"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"h2:file:./x", "jdbc:", "JDBC:h2:mem:x"})
        void badJdbcUrls(String url) {
            assertEquals(List.of("ccc.db.url: '" + url + "' is not a JDBC URL (it must start with 'jdbc:') "
                    + "[from file test.properties]"), problemsWith("ccc.db.url", url));
        }

        @ParameterizedTest
        @ValueSource(strings = {"jdbc:postgresql://db.example.org:5432/ccc", "jdbc:postgresql://127.0.0.1/ccc",
                "jdbc:postgresql://localhost:55432/ccc_it?sslmode=disable&ApplicationName=ccc",
                "jdbc:h2:mem:x", "jdbc:h2:async:./data/ccc;WRITE_DELAY=0"})
        void databasesThePlatformRunsOnAreAccepted(String url) {
            assertEquals(url, resolveFileWith("ccc.db.url", url).get(ConfigKey.DB_URL));
        }

        @ParameterizedTest
        @ValueSource(strings = {"jdbc:mysql://localhost/ccc", "jdbc:oracle:thin:@x:1521:ccc", "jdbc:sqlite:x.db",
                "jdbc:postgres://localhost/ccc"})
        void otherDatabasesAreRefused(String url) {
            assertEquals(List.of("ccc.db.url: '" + url + "' is not a database the platform runs on (jdbc:h2:... or "
                    + "jdbc:postgresql://host[:port]/database) [from file test.properties]"),
                    problemsWith("ccc.db.url", url));
        }

        @ParameterizedTest
        @ValueSource(strings = {"jdbc:postgresql:ccc", "jdbc:postgresql://", "jdbc:postgresql://localhost",
                "jdbc:postgresql://localhost/", "jdbc:postgresql://localhost:0/ccc", "jdbc:postgresql://localhost:70000/ccc",
                "jdbc:postgresql://localhost:/ccc", "jdbc:postgresql://bob:secret@localhost/ccc",
                "jdbc:postgresql://localhost/c c", "jdbc:postgresql://localhost/a/b"})
        void malformedPostgresqlUrlsAreRefused(String url) {
            List<String> problems = problemsWith("ccc.db.url", url);
            assertEquals(1, problems.size(), problems::toString);
            assertTrue(problems.get(0).startsWith("ccc.db.url: '" + url + "' is not a PostgreSQL URL of the form "
                    + "jdbc:postgresql://host[:port]/database"), problems::toString);
        }

        @Test
        void aPostgresqlUrlNamesItsDataSource() {
            assertEquals("org.postgresql.ds.PGSimpleDataSource",
                    DatabaseKind.of("jdbc:postgresql://localhost/ccc").orElseThrow().dataSourceClass());
            assertEquals("org.h2.Driver", DatabaseKind.of("jdbc:h2:mem:x").orElseThrow().dataSourceClass());
            assertTrue(DatabaseKind.of("jdbc:derby:x").isEmpty());
        }

        @Test
        void anEmptyDbUserIsAProblem() {
            assertEquals(List.of("ccc.db.user: '' must not be empty [from file test.properties]"),
                    problemsWith("ccc.db.user", "  "));
        }

        @ParameterizedTest
        @ValueSource(strings = {"admin", "admin@", "@example.org", "a b@example.org", "a@b@c.org", "a@example..org"})
        void badEmails(String email) {
            assertEquals(List.of("ccc.admin.email: '" + email + "' is not a valid e-mail address [from file test.properties]"),
                    problemsWith("ccc.admin.email", email));
        }

        @Test
        void goodEmail() {
            assertEquals("ana@city.example.org",
                    resolveFileWith("ccc.admin.email", "ana@city.example.org").get(ConfigKey.ADMIN_EMAIL));
        }

        @Test
        void aShortAdminPasswordIsRefusedWithoutShowingIt() {
            List<String> problems = problemsWith("ccc.admin.password", "short-pw");
            assertEquals(List.of("ccc.admin.password: <hidden> is too short (at least 12 characters, or leave it empty "
                    + "to have one generated) [from file test.properties]"), problems);
            assertFalse(problems.get(0).contains("short-pw"));
            assertEquals("twelve-chars", resolveFileWith("ccc.admin.password", "twelve-chars").get(ConfigKey.ADMIN_PASSWORD));
        }

        @Test
        void secretsAreHiddenWhenPrinted() {
            ResolvedConfig c = resolveFileWith("ccc.admin.password", "a-long-secret-password");
            assertEquals("<hidden>", c.printable(ConfigKey.ADMIN_PASSWORD));
            assertFalse(c.toString().contains("a-long-secret-password"));
            assertFalse(c.describe().contains("a-long-secret-password"));
            assertTrue(c.describe().contains("ccc.http.port = 8080   [from file test.properties]"));
        }

        @ParameterizedTest
        @CsvSource({"ccc.limits.page-size-max,0,1,1000", "ccc.limits.page-size-max,1001,1,1000",
            "ccc.auth.max-failures,x,1,1000", "ccc.auth.max-failures,1001,1,1000",
            "ccc.auth.ip-attempts-per-minute,10001,1,10000", "ccc.auth.ip-attempts-per-minute,0,1,10000"})
        void integersOutOfRange(String key, String value, int min, int max) {
            assertEquals(List.of(key + ": '" + value + "' is not an integer between " + min + " and " + max
                    + " [from file test.properties]"), problemsWith(key, value));
        }

        @Test
        void integersAtTheBoundsAreAccepted() {
            assertEquals(1000, resolveFileWith("ccc.limits.page-size-max", "1000").getInt(ConfigKey.LIMITS_PAGE_SIZE_MAX));
            assertEquals(1, resolveFileWith("ccc.auth.max-failures", "1").getInt(ConfigKey.AUTH_MAX_FAILURES));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-5", "2147483648", "1MB"})
        void badByteSizes(String value) {
            assertEquals(List.of("ccc.limits.request-body-max: '" + value + "' is not a positive number of bytes "
                    + "(1-2147483647) [from file test.properties]"), problemsWith("ccc.limits.request-body-max", value));
        }

        @ParameterizedTest
        @ValueSource(strings = {"forever", "30d", "15", "P"})
        void badDurations(String value) {
            assertEquals(List.of("ccc.auth.token-ttl: '" + value + "' is not an ISO-8601 duration (e.g. PT15M, PT1H, P30D) "
                    + "[from file test.properties]"), problemsWith("ccc.auth.token-ttl", value));
        }

        @ParameterizedTest
        @ValueSource(strings = {"PT0S", "-PT15M"})
        void nonPositiveDurations(String value) {
            assertEquals(List.of("ccc.auth.lockout: '" + value + "' is not a positive duration (e.g. PT15M, PT1H, P30D) "
                    + "[from file test.properties]"), problemsWith("ccc.auth.lockout", value));
        }

        @Test
        void trustedProxiesAreIpLiteralsAndMayBeEmptyOrAbsent() {
            assertEquals(List.of(), resolveFileWith("ccc.http.trusted-proxies", "").getList(ConfigKey.HTTP_TRUSTED_PROXIES));
            Map<String, String> f = validFile();
            f.remove("ccc.http.trusted-proxies");
            assertEquals("", resolve(home(), Map.of(), f).get(ConfigKey.HTTP_TRUSTED_PROXIES));
            assertEquals(List.of("127.0.0.1", "10.0.0.254", "0:0:0:0:0:0:0:1"),
                    resolveFileWith("ccc.http.trusted-proxies", "127.0.0.1, 10.0.0.254,::1")
                            .getList(ConfigKey.HTTP_TRUSTED_PROXIES));
            for (String bad : List.of("localhost", "256.1.1.1", "10.0.0", "1.2.3.4/8", "::g")) {
                List<String> problems = problemsWith("ccc.http.trusted-proxies", "127.0.0.1," + bad);
                assertEquals(1, problems.size(), bad);
                assertTrue(problems.get(0).startsWith("ccc.http.trusted-proxies: '127.0.0.1," + bad
                        + "' is not a list of IP addresses: '" + bad + "' is not an IP address"), problems.get(0));
            }
        }

        @Test
        void logFormatIsOneOfAFixedSet() {
            assertEquals("json", resolveFileWith("ccc.log.format", "JSON").get(ConfigKey.LOG_FORMAT));
            assertEquals(List.of("ccc.log.format: 'xml' is not one of text, json [from file test.properties]"),
                    problemsWith("ccc.log.format", "xml"));
        }

        @Test
        void booleans() {
            assertEquals(Boolean.TRUE, ValueType.BOOLEAN.parse("TRUE"));
            assertEquals(Boolean.FALSE, ValueType.BOOLEAN.parse("false"));
            ValueType.Invalid e = assertThrows(ValueType.Invalid.class, () -> ValueType.BOOLEAN.parse("yes"));
            assertEquals("is not a boolean (true or false)", e.getMessage());
        }
    }

    @Nested
    class FileAndExtras {

        @Test
        void unknownKeysArePassedThroughAndCccTyposWarned(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("app.properties");
            StringBuilder sb = new StringBuilder();
            validFile().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            sb.append("ccc.htp.port=1\n").append("plugin.greeting=Olá ${ccc.db.user}\n");
            Files.writeString(file, sb, StandardCharsets.UTF_8);

            ResolvedConfig c = ConfigResolver.builder().systemProperties(home()).file(file).baseDir(BASE).build().resolve();
            assertEquals("Olá sa", c.extras().get("plugin.greeting"));
            assertEquals(List.of("ccc.htp.port is not a known configuration key (a typo?); it is passed on unchecked"),
                    c.warnings());
            assertEquals("file " + file.toAbsolutePath().normalize(), c.source(ConfigKey.HTTP_PORT));
        }

        @Test
        void anUnreadableFileIsAConfigProblem(@TempDir Path dir) {
            Path missing = dir.resolve("missing.properties");
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigResolver.builder().file(missing));
            assertTrue(e.problems().get(0).startsWith("cannot read the configuration file " + missing), e.getMessage());
        }
    }
}
