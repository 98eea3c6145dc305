package org.creativecities.app.plugins;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.testkit.PackagedServer;

/**
 * The first administrator of a server, driving the plugin admin API; uploads jars as
 * {@code application/octet-stream}, which {@link Api} (text bodies) cannot send.
 */
public final class PluginAdmin {

    private static final Map<URI, PluginAdmin> ADMINS = new ConcurrentHashMap<>();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Api api;
    private final String token;
    private final String ip;

    private PluginAdmin(Api api, String token, String ip) {
        this.api = api.withToken(token);
        this.token = token;
        this.ip = ip;
    }

    public static PluginAdmin of(PackagedServer server) {
        return ADMINS.computeIfAbsent(server.baseUri(), k -> {
            TestUser admin = TestUser.admin(server);
            return new PluginAdmin(server.api(), admin.token(), admin.ip());
        });
    }

    Api api() {
        return api;
    }

    Api.Response send(String method, String path, Object body) {
        return api.request(method, path).header("X-Forwarded-For", ip).body(body).send();
    }

    public Api.Response get(String path) {
        return send("GET", path, null);
    }

    public Api.Response post(String path) {
        return send("POST", path, null);
    }

    Api.Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    Api.Response delete(String path) {
        return send("DELETE", path, null);
    }

    /**
     * The answer to an upload.
     *
     * @param status      the HTTP status
     * @param contentType the Content-Type header, or "" when there is none
     * @param body        the body
     */
    record Uploaded(int status, String contentType, String body) {

        Uploaded expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        JsonObject object() {
            return Api.parse(body).asJsonObject();
        }
    }

    /** POSTs a jar to {@code path} (install or upgrade). */
    Uploaded upload(String path, byte[] jar) {
        HttpRequest request = HttpRequest.newBuilder(api.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("X-Forwarded-For", ip)
                .header("Content-Type", "application/octet-stream").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jar)).build();
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Uploaded(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonObject install(byte[] jar) {
        return upload("/api/admin/plugins", jar).expect(201).object();
    }

    /** Uninstalls and purges, ignoring a plugin that is not there. */
    public void remove(String pluginId) {
        delete("/api/admin/plugins/" + pluginId + "?purge=true").expect(204, 404);
    }

    public JsonObject plugin(String pluginId) {
        return get("/api/admin/plugins/" + pluginId).expect(200).object();
    }

    /** Polls a plugin's view until the condition holds (events are delivered asynchronously). */
    public JsonObject awaitPlugin(String pluginId, Predicate<JsonObject> condition, Duration within) {
        Instant end = Instant.now().plus(within);
        JsonObject last = plugin(pluginId);
        while (!condition.test(last) && Instant.now().isBefore(end)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = plugin(pluginId);
        }
        return last;
    }
}
