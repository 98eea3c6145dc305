package org.creativecities.app;

import fish.payara.micro.PayaraMicro;
import fish.payara.micro.PayaraMicroRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.creativecities.config.ClusterSettings;
import org.creativecities.config.ConfigException;
import org.creativecities.config.ConfigKey;
import org.creativecities.config.ConfigResolver;
import org.creativecities.config.DatabaseKind;
import org.creativecities.config.ResolvedConfig;

/**
 * Starts Creative Cities Commons from its distribution folder.
 *
 * <ol>
 *   <li>Resolves and validates the configuration ({@code config/application.properties}, environment, system
 *       properties); on any problem prints {@code Configuration error:} and every problem, and exits with 2.</li>
 *   <li>Publishes every resolved key as a system property, so MicroProfile Config in the WAR sees the same values,
 *       and the data source class of the database {@code ccc.db.url} points to ({@link DatabaseKind}).</li>
 *   <li>Empties Payara Micro's runtime folder ({@code ccc.runtime.dir}, see {@link RuntimeFolder}), then boots
 *       Payara Micro in this JVM with {@code core.war} at {@code /}.</li>
 *   <li>Waits until {@code /health/ready} answers 200, then prints
 *       {@code Creative Cities Commons is ready at http://localhost:<port>}; exits with 1 if the server or the
 *       application failed to start, or readiness did not come within {@code ccc.startup.timeout}.</li>
 * </ol>
 */
public final class Launcher {

    /** The line printed to standard output once the server is ready (followed by the base URL). */
    public static final String READY_PREFIX = "Creative Cities Commons is ready at ";

    /** Exit code for a configuration problem: Payara was not started. */
    public static final int EXIT_CONFIG = 2;
    /** Exit code for a start-up failure after the configuration was accepted. */
    public static final int EXIT_STARTUP = 1;

    static final String APP_NAME = "core";
    static final String WAR_FILE = APP_NAME + ".war";
    static final String PREBOOT_COMMANDS = "config/payara-preboot.asadmin";
    static final String GRIZZLY_STRICT_HEADER_VALUES = "org.glassfish.grizzly.http.STRICT_HEADER_VALUE_VALIDATION_RFC_9110";

    private final Path home;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    Launcher(Path home, Map<String, String> environment, PrintStream out, PrintStream err) {
        this.home = home.toAbsolutePath().normalize();
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Launcher launcher = new Launcher(findHome(), System.getenv(), System.out, System.err);
        int code = launcher.run();
        if (code != 0) {
            // Payara leaves non-daemon threads behind when it fails; only an exit ends the JVM.
            System.exit(code);
        }
        // Success: Payara's threads keep the JVM alive until it is stopped (SIGTERM / Ctrl-C run its shutdown hooks).
    }

    /** Boots the server and waits for readiness; returns 0 once ready, otherwise the exit code to use. */
    int run() {
        long started = System.nanoTime();
        Path configFile = configFile();
        ResolvedConfig config;
        ClusterSettings cluster;
        try {
            config = resolve(configFile);
            cluster = ClusterSettings.of(config);
        } catch (ConfigException e) {
            err.println("Configuration error:");
            e.problems().forEach(p -> err.println("  " + p));
            return EXIT_CONFIG;
        }
        config.warnings().forEach(w -> err.println("Configuration warning: " + w));

        List<String> problems = new ArrayList<>();
        createDirectory(config, ConfigKey.DATA_DIR, problems);
        createDirectory(config, ConfigKey.RUNTIME_DIR, problems);
        if (!problems.isEmpty()) {
            err.println("Configuration error:");
            problems.forEach(p -> err.println("  " + p));
            return EXIT_CONFIG;
        }
        Path war = home.resolve(WAR_FILE);
        if (!Files.isRegularFile(war)) {
            err.println("Start-up error: " + war + " is missing; the distribution is incomplete.");
            return EXIT_STARTUP;
        }
        int port = config.getInt(ConfigKey.HTTP_PORT);
        if (!portIsFree(port)) {
            err.println("Start-up error: port " + port + " is already in use; choose another with "
                    + ConfigKey.HTTP_PORT.environmentName() + " or -D" + ConfigKey.HTTP_PORT.key() + ".");
            return EXIT_STARTUP;
        }
        // Only after the port check: a second launcher started by mistake must not empty a running server's folder.
        String runtimeProblem = RuntimeFolder.empty(config.getPath(ConfigKey.RUNTIME_DIR));
        if (runtimeProblem != null) {
            err.println("Configuration error:");
            err.println("  " + ConfigKey.RUNTIME_DIR.key() + ": " + runtimeProblem);
            return EXIT_CONFIG;
        }

        publish(config, configFile);
        cluster.systemProperties().forEach(System::setProperty);
        // Grizzly answers a header value outside printable ASCII with an empty 400 of its own; the application's first
        // filter (RequestFramingFilter) checks header values instead, and answers with a problem document.
        System.setProperty(GRIZZLY_STRICT_HEADER_VALUES, "false");
        String[] payaraArgs = payaraArguments(config, war, loggingProperties(config), prebootCommands());

        // Returns once the server has booted and deployed, or failed to: Payara logs boot failures and returns.
        PayaraMicro.main(payaraArgs);

        String failure = deploymentFailure();
        if (failure != null) {
            err.println("Start-up error: " + failure + " See the log above for the cause.");
            return EXIT_STARTUP;
        }
        Duration timeout = config.getDuration(ConfigKey.STARTUP_TIMEOUT);
        URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
        String notReady = awaitReady(ready, timeout);
        if (notReady != null) {
            err.println("Start-up error: the server did not become ready within " + timeout + ": " + notReady);
            return EXIT_STARTUP;
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        err.println("Started in " + millis + " ms");
        out.println(READY_PREFIX + "http://localhost:" + port);
        out.flush();
        return 0;
    }

    /** The distribution folder: {@code -Dccc.home}, or the folder holding the launcher jar. */
    static Path findHome() {
        String explicit = System.getProperty(ConfigKey.HOME.key());
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        try {
            Path location = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // From a jar: its folder. From classes (an IDE): the working directory.
            return Files.isRegularFile(location) ? location.getParent() : Path.of("");
        } catch (URISyntaxException | NullPointerException e) {
            return Path.of("");
        }
    }

    /** {@code -Dccc.config.file}, else {@code CCC_CONFIG_FILE}, else {@code <home>/config/application.properties}. */
    Path configFile() {
        String name = System.getProperty(ConfigResolver.CONFIG_FILE_PROPERTY);
        if (name == null || name.isBlank()) {
            name = environment.get(ConfigResolver.environmentName(ConfigResolver.CONFIG_FILE_PROPERTY));
        }
        Path file = (name == null || name.isBlank()) ? home.resolve("config/application.properties") : Path.of(name);
        return file.toAbsolutePath().normalize();
    }

    private ResolvedConfig resolve(Path configFile) {
        Map<String, String> sys = new HashMap<>(ConfigResolver.currentSystemProperties());
        sys.put(ConfigKey.HOME.key(), home.toString());
        return ConfigResolver.builder()
                .systemProperties(sys)
                .environment(environment)
                .file(configFile)
                .build()
                .resolve();
    }

    private static void createDirectory(ResolvedConfig config, ConfigKey key, List<String> problems) {
        Path dir = config.getPath(key);
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                problems.add(key.key() + ": '" + dir + "' is not writable");
            }
        } catch (IOException | SecurityException e) {
            problems.add(key.key() + ": cannot create the folder '" + dir + "' (" + e + ")");
        }
    }

    static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Every resolved key (and the file used) as a system property, for MicroProfile Config inside the WAR. */
    private static void publish(ResolvedConfig config, Path configFile) {
        config.asMap().forEach(System::setProperty);
        System.setProperty(ConfigResolver.CONFIG_FILE_PROPERTY, configFile.toString());
        // The validator accepted the URL, so it names a database the platform runs on.
        System.setProperty(DatabaseKind.DATASOURCE_CLASS_PROPERTY,
                DatabaseKind.of(config.getString(ConfigKey.DB_URL)).orElseThrow().dataSourceClass());
    }

    /**
     * The Payara logging configuration for {@code ccc.log.format}: {@code <home>/config/logging.properties} (text)
     * or {@code <home>/config/logging-json.properties} (json); {@code null} (Payara's default) if it is missing.
     */
    private Path loggingProperties(ResolvedConfig config) {
        String format = config.getString(ConfigKey.LOG_FORMAT);
        Path file = home.resolve("json".equals(format) ? "config/logging-json.properties" : "config/logging.properties");
        return Files.isRegularFile(file) ? file : null;
    }

    /**
     * The asadmin commands Payara Micro runs before it starts its HTTP listener ({@code <home>/config/payara-preboot.asadmin}):
     * no {@code Server} or {@code X-Powered-By} header naming the product, a connection whose request body was
     * refused unread is closed rather than drained, a header buffer (32 KiB) larger than {@code ccc.limits.uri-max} so
     * that the application answers a long request target with 414 rather than the container with an empty 400, and a
     * body on DELETE (or GET) reaches the application, which answers it, rather than the container's empty 400; and an
     * HTTP worker queue large enough for one I/O event per open connection (live connections, docs/admin-guide.md).
     * {@code null} if the file is missing.
     */
    private Path prebootCommands() {
        Path file = home.resolve(PREBOOT_COMMANDS);
        return Files.isRegularFile(file) ? file : null;
    }

    static String[] payaraArguments(ResolvedConfig config, Path war, Path loggingProperties) {
        return payaraArguments(config, war, loggingProperties, null);
    }

    /**
     * Payara Micro's command line. Its clustering options come from {@code ccc.cluster.*} ({@link ClusterSettings}):
     * with {@code ccc.cluster.mode=none}, {@code --nohazelcast}: the node runs alone and uses nothing of Payara's data
     * grid, yet with only {@code --nocluster} Payara still starts a Hazelcast member (a third of bare Payara's
     * classes, about 3 s of CPU at every start), which listens on port 6900 or above on every interface and tries to
     * send Hazelcast's usage report out. Otherwise the cluster's name, discovery, interfaces and start port.
     */
    static String[] payaraArguments(ResolvedConfig config, Path war, Path loggingProperties, Path prebootCommands) {
        List<String> args = new ArrayList<>(ClusterSettings.of(config).payaraArguments());
        args.addAll(List.of(
                "--disablephonehome",
                "--port", String.valueOf(config.getInt(ConfigKey.HTTP_PORT)),
                "--rootdir", config.getPath(ConfigKey.RUNTIME_DIR).toString(),
                "--deploy", war.toString(),
                "--contextroot", "/"));
        if (loggingProperties != null) {
            args.add("--logproperties");
            args.add(loggingProperties.toString());
        }
        if (prebootCommands != null) {
            args.add("--prebootcommandfile");
            args.add(prebootCommands.toString());
        }
        return args.toArray(String[]::new);
    }

    /** Why the boot or the deployment failed, or {@code null} if the application is deployed. */
    private static String deploymentFailure() {
        PayaraMicroRuntime runtime;
        try {
            runtime = PayaraMicro.getInstance().getRuntime();
        } catch (IllegalStateException e) {
            return "Payara Micro failed to start.";
        }
        Collection<String> deployed = runtime.getDeployedApplicationNames();
        if (deployed == null || !deployed.contains(APP_NAME)) {
            return "the application (" + WAR_FILE + ") failed to deploy.";
        }
        return null;
    }

    /**
     * Polls until the URL answers 200; returns {@code null} when it does, otherwise the last thing seen. Uses
     * {@link HttpURLConnection}, whose classes the server has loaded already: {@code java.net.http}'s client
     * costs some 200 more classes and its own threads for a handful of local requests.
     */
    static String awaitReady(URI uri, Duration timeout) {
        Objects.requireNonNull(uri);
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer from " + uri;
        while (true) {
            try {
                HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
                c.setConnectTimeout(2_000);
                c.setReadTimeout(10_000);
                try {
                    int status = c.getResponseCode();
                    if (status == 200) {
                        return null;
                    }
                    InputStream body = c.getErrorStream() != null ? c.getErrorStream() : c.getInputStream();
                    last = uri + " answered " + status + ": "
                            + (body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
                } finally {
                    c.disconnect();
                }
            } catch (IOException e) {
                last = "no answer from " + uri + " (" + e + ")";
            }
            if (System.nanoTime() > deadline) {
                return last;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
    }
}
