package org.creativecities.app.testkit;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A person using the platform in a test: their account, their token and their own client address. Test
 * servers trust {@code X-Forwarded-For} from loopback ({@code CCC_HTTP_TRUSTED_PROXIES=127.0.0.1}), so every
 * test user has their own sign-in and registration limits.
 *
 * @param id    account id
 * @param name  display name
 * @param email the email they registered
 * @param token their bearer token
 * @param api   a client that signs every request with their token
 * @param ip    the client address they appear to come from
 */
public record TestUser(long id, String name, String email, String token, Api api, String ip) {

    /** The password of every registered test user. */
    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ConcurrentMap<String, TestUser> ADMINS = new ConcurrentHashMap<>();

    /** A fresh client address in the TEST-NET-2 range, never used twice in one run. */
    public static String freshIp() {
        int n = SEQUENCE.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    /** Registers a new account with a unique email and signs it in. */
    public static TestUser register(Api api, String name) {
        String ip = freshIp();
        String email = name.toLowerCase().replace(' ', '.') + "." + SEQUENCE.incrementAndGet() + "."
                + System.nanoTime() + "@example.org";
        send(api, ip, "POST", "/api/accounts", Api.json("email", email, "displayName", name, "password", PASSWORD))
                .expect(202);
        return signIn(api, email, PASSWORD, ip);
    }

    public static TestUser signIn(Api api, String email, String password, String ip) {
        JsonObject session = send(api, ip, "POST", "/api/sessions", Api.json("email", email, "password", password))
                .expect(201).object();
        JsonObject account = session.getJsonObject("account");
        String token = session.getString("token");
        return new TestUser(account.getJsonNumber("id").longValue(), account.getString("displayName"), email, token,
                api.withToken(token), ip);
    }

    /** The first administrator, signed in with the generated password the server wrote to its data folder. */
    public static TestUser admin(PackagedServer server) {
        return ADMINS.computeIfAbsent(server.baseUri().toString(), k -> {
            try {
                String password = Files.readString(server.dataDir().resolve("initial-admin-password"),
                        StandardCharsets.UTF_8).trim();
                return signIn(server.api(), "admin@creativecities.local", password, freshIp());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Nodes booted together on one fresh database: whichever seeded it first created the first administrator and wrote
     * its generated password to its data folder; this copies that file to the others, so {@link #admin} works on each.
     */
    public static void sameAdminOn(List<PackagedServer> nodes) {
        Path password = nodes.stream().map(n -> n.dataDir().resolve("initial-admin-password")).filter(Files::exists)
                .findFirst().orElseThrow(() -> new IllegalStateException("no node created the first administrator"));
        try {
            for (PackagedServer node : nodes) {
                Path own = node.dataDir().resolve("initial-admin-password");
                if (!own.equals(password)) {
                    Files.copy(password, own, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same person and token against another server address (after a restart on another port). */
    public TestUser on(Api base) {
        return new TestUser(id, name, email, token, base.withToken(token), ip);
    }

    /** Sends a request as coming from {@code ip}. */
    public static Api.Response send(Api api, String ip, String method, String path, Object body) {
        return api.request(method, path).header("X-Forwarded-For", ip).body(body).send();
    }

    /** Sends a request with any method as this user. */
    public Api.Response send(String method, String path, Object body) {
        return send(api, ip, method, path, body);
    }

    public Api.Response get(String path) {
        return send(api, ip, "GET", path, null);
    }

    public Api.Response post(String path, Object body) {
        return send(api, ip, "POST", path, body);
    }

    public Api.Response put(String path, Object body) {
        return send(api, ip, "PUT", path, body);
    }

    public Api.Response patch(String path, Object body) {
        return send(api, ip, "PATCH", path, body);
    }

    public Api.Response delete(String path) {
        return send(api, ip, "DELETE", path, null);
    }
}
