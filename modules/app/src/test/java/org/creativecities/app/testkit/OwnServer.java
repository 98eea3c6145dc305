package org.creativecities.app.testkit;

import java.util.function.UnaryOperator;

/**
 * A packaged server of the own-server lane ({@link OwnServerLane}) that several test classes share because one
 * configuration suits them all: a boot costs 20 to 50 s of a loaded CI machine, so such classes share one instead of
 * booting one each. It boots on first use and serves every class that asks for it until the run ends (then it is
 * stopped). Its classes run one at a time (the lane's lock); each may restart, stop or kill it, and
 * {@link #get()} starts it again on the same data if a class left it down.
 *
 * <p>A class on such a server must not depend on what the others did nor on being first (no first-start facts, no
 * exact counts of things others may create), and its settings must not change what the others prove.
 */
public enum OwnServer {

    /**
     * One server for five classes whose settings do not meet: each setting serves one class, and no other class uses
     * what it changes.
     * <ul>
     * <li>{@code plugins.PluginStateAndHooksIT}: plugins installed, disabled and restarted;</li>
     * <li>{@code plugins.PluginTimersIT}: plugin timers across a kill, with the short minimum timer delay (no other
     * class has a plugin with timers);</li>
     * <li>{@code live.LiveFrameSenderFallbackIT}: the standard WebSocket API as the frame sender (the other classes
     * prove nothing about the live path: the plugin and media classes open no WebSocket, and the search class posts
     * its messages only to find them);</li>
     * <li>{@code search.SearchIT}: 1,200 search queries a minute per visitor (no other class searches);</li>
     * <li>{@code media.MediaLimitsIT}: small media limits, quota and upload rate (no other class uploads media).</li>
     * </ul>
     * None of them creates a city or counts what another may create.
     */
    COMBINED("own-combined", b -> b
            .env("CCC_HTTP_TRUSTED_PROXIES", "127.0.0.1")
            .env("CCC_PLUGINS_TIMERS_MIN_DELAY", "PT0.1S")
            .env("CCC_LIVE_FRAME_SENDER", "standard")
            .env("CCC_SEARCH_VISITOR_QUERIES_PER_MINUTE", "1200")
            .env("CCC_MEDIA_MAX_BYTES_IMAGE", String.valueOf(20 * 1024))
            .env("CCC_MEDIA_MAX_BYTES_VIDEO", String.valueOf(3 * 1024 * 1024))
            .env("CCC_MEDIA_QUOTA_PER_ACCOUNT", String.valueOf(4 * 1024 * 1024))
            .env("CCC_MEDIA_RATE_UPLOADS", "4")
            .env("CCC_MEDIA_QUOTA_PER_PLUGIN", String.valueOf(100 * 1024))),

    /**
     * The shipped settings (behind the test machine's proxy address), for the classes of the lane that would hurt
     * or disturb the shared server's classes if they ran beside them: {@code security.ContractIT},
     * {@code security.AuthorizationMatrixIT} and {@code security.FuzzApiIT} (every operation of the API, garbage
     * included, on a world of their own, {@code security.ApiWorld}), and {@code security.WebUploadLimitsIT} (floods
     * of large uploads). The lane runs them one at a time; none counts what another creates or reads another's
     * log lines, and the upload class creates no city.
     */
    PLAIN("api-contract", b -> b.env("CCC_HTTP_TRUSTED_PROXIES", "127.0.0.1"));

    private final String name;
    private final UnaryOperator<PackagedServer.Builder> configuration;
    private PackagedServer server;

    OwnServer(String name, UnaryOperator<PackagedServer.Builder> configuration) {
        this.name = name;
        this.configuration = configuration;
    }

    /** The running server, booting it on first use, or starting it again if a class left it down. */
    public synchronized PackagedServer get() {
        if (server == null) {
            server = configuration.apply(PackagedServer.builder(name)).build();
            PackagedServer stopped = server;
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::stop, name + "-server-stop"));
        }
        if (!server.isRunning()) {
            server.start();
        }
        return server;
    }
}
