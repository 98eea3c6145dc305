package org.creativecities.app.live;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;

/**
 * Someone using live rooms in a test: an account, its token, and its own client address (the shared server
 * trusts {@code X-Forwarded-For} from loopback, so each person has their own sign-in limits).
 *
 * @param id    account id
 * @param name  display name
 * @param token bearer token
 * @param api   a client that signs every request with the token
 * @param ip    the client address the person appears to come from
 */
record Person(long id, String name, String token, Api api, String ip) {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "correct horse battery staple";

    static String freshIp() {
        int n = SEQUENCE.incrementAndGet();
        return "203.0." + (n / 250) + "." + (n % 250 + 1);
    }

    static Person register(Api api, String name) {
        String ip = freshIp();
        String email = name.toLowerCase().replace(' ', '.') + ".live." + SEQUENCE.incrementAndGet() + "."
                + System.nanoTime() + "@example.org";
        api.request("POST", "/api/accounts").header("X-Forwarded-For", ip)
                .body(Api.json("email", email, "displayName", name, "password", PASSWORD)).send().expect(202);
        return signIn(api, email, PASSWORD, ip);
    }

    static Person admin(PackagedServer server) {
        try {
            String password = Files.readString(server.dataDir().resolve("initial-admin-password"),
                    StandardCharsets.UTF_8).trim();
            return signIn(server.api(), "admin@creativecities.local", password, freshIp());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Person signIn(Api api, String email, String password, String ip) {
        JsonObject session = api.request("POST", "/api/sessions").header("X-Forwarded-For", ip)
                .body(Api.json("email", email, "password", password)).send().expect(201).object();
        JsonObject account = session.getJsonObject("account");
        String token = session.getString("token");
        return new Person(account.getJsonNumber("id").longValue(), account.getString("displayName"), token,
                api.withToken(token), ip);
    }

    Api.Response get(String path) {
        return api.request("GET", path).header("X-Forwarded-For", ip).send();
    }

    Api.Response post(String path, Object body) {
        return api.request("POST", path).header("X-Forwarded-For", ip).body(body).send();
    }

    Api.Response patch(String path, Object body) {
        return api.request("PATCH", path).header("X-Forwarded-For", ip).body(body).send();
    }

    Api.Response put(String path, Object body) {
        return api.request("PUT", path).header("X-Forwarded-For", ip).body(body).send();
    }

    Api.Response delete(String path) {
        return api.request("DELETE", path).header("X-Forwarded-For", ip).send();
    }

    /** Opens a live connection with a fresh ticket. */
    LiveClient live() {
        String ticket = post("/api/live/tickets", null).expect(201).object().getString("ticket");
        return LiveClient.connect(api.base(), "ticket=" + ticket, Map.of());
    }

    URI base() {
        return api.base();
    }
}
