package org.creativecities.app.foundation;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;

/**
 * A person using the platform in a test: their account, their token and their own client address (the
 * shared server trusts {@code X-Forwarded-For} from loopback, so every person has their own rate limits).
 *
 * @param id    account id
 * @param email the email they registered
 * @param token their bearer token
 * @param api   a client that signs every request with their token
 * @param ip    the client address they appear to come from
 */
record Member(long id, String email, String token, Api api, String ip) {

    static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ConcurrentMap<String, Member> ADMINS = new ConcurrentHashMap<>();

    /** A fresh client address in the TEST-NET-2 range, never used twice in one run. */
    static String freshIp() {
        int n = SEQUENCE.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    /** Registers a new account with a unique email and signs it in. */
    static Member register(Api api, String name) {
        String ip = freshIp();
        String email = name.toLowerCase().replace(' ', '.') + "." + SEQUENCE.incrementAndGet() + "."
                + System.nanoTime() + "@example.org";
        send(api, ip, "POST", "/api/accounts", Api.json("email", email, "displayName", name, "password", PASSWORD))
                .expect(202);
        return signIn(api, email, PASSWORD, ip);
    }

    static Member signIn(Api api, String email, String password, String ip) {
        JsonObject session = send(api, ip, "POST", "/api/sessions", Api.json("email", email, "password", password))
                .expect(201).object();
        long id = session.getJsonObject("account").getJsonNumber("id").longValue();
        String token = session.getString("token");
        return new Member(id, email, token, api.withToken(token), ip);
    }

    /** The first administrator, signed in with the generated password the server wrote to its data folder. */
    static Member admin(PackagedServer server) {
        return ADMINS.computeIfAbsent(server.baseUri().toString(), k -> {
            try {
                String password = Files.readString(server.dataDir().resolve("initial-admin-password"),
                        StandardCharsets.UTF_8).trim();
                return signIn(server.api(), "admin@creativecities.local", password, freshIp());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The same person and token against another server address (after a restart on another port). */
    Member on(Api base) {
        return new Member(id, email, token, base.withToken(token), ip);
    }

    static Api.Response send(Api api, String ip, String method, String path, Object body) {
        return api.request(method, path).header("X-Forwarded-For", ip).body(body).send();
    }

    Api.Response get(String path) {
        return send(api, ip, "GET", path, null);
    }

    Api.Response post(String path, Object body) {
        return send(api, ip, "POST", path, body);
    }

    Api.Response put(String path, Object body) {
        return send(api, ip, "PUT", path, body);
    }

    Api.Response patch(String path, Object body) {
        return send(api, ip, "PATCH", path, body);
    }

    Api.Response delete(String path) {
        return send(api, ip, "DELETE", path, null);
    }
}
