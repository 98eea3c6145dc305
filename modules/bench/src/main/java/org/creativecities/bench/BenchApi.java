package org.creativecities.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark's client of our REST API: the calls it makes (each must answer the status it expects), sign-ins, and
 * the accounts and rooms a load needs ({@link #setup}).
 */
final class BenchApi {

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The bench accounts' tokens, the general room of Lyon and the rooms of the realistic load. */
    record Setup(List<String> tokens, long general, List<Long> rooms) {
    }

    Setup setup(URI base, int roomCount, int accountCount) throws Exception {
        long t0 = System.nanoTime();
        String admin = signIn(base, "admin@creativecities.local", Bench.ADMIN_PASSWORD);
        call(base, "PATCH", "/api/cities/lyon", admin, "{\"joinPolicy\":\"OPEN\"}", 200);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < accountCount; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                String email = "bench" + n + "@example.org";
                call(base, "POST", "/api/accounts", null, "{\"email\":\"" + email + "\",\"displayName\":\"Bench" + n
                        + "\",\"password\":\"" + Bench.USER_PASSWORD + "\"}", 202);
                String token = signIn(base, email, Bench.USER_PASSWORD);
                call(base, "POST", "/api/cities/lyon/members", token, null, 201);
                return token;
            }));
        }
        List<String> tokens = new ArrayList<>();
        for (Future<String> f : futures) {
            tokens.add(f.get());
        }
        pool.shutdown();
        long space = citySpace(base, admin, "lyon");
        long general = -1;
        String spaceRooms = call(base, "GET", "/api/spaces/" + space + "/rooms", admin, null, 200);
        for (JsonValue v : parse(spaceRooms).asJsonArray()) {
            if (v.asJsonObject().getString("name").equals("general")) {
                general = v.asJsonObject().getJsonNumber("id").longValue();
            }
        }
        List<Long> rooms = new ArrayList<>();
        for (int i = 0; i < roomCount; i++) {
            JsonObject room = parse(call(base, "POST", "/api/spaces/" + space + "/rooms", admin,
                    "{\"name\":\"bench-" + i + "\"}", 201)).asJsonObject();
            rooms.add(room.getJsonNumber("id").longValue());
        }
        System.out.printf(Locale.ROOT, "[bench] %d accounts and %d rooms ready in %.1f s%n", accountCount, roomCount,
                (System.nanoTime() - t0) / 1e9);
        return new Setup(tokens, general, rooms);
    }

    /** The id of a city's community space. */
    long citySpace(URI base, String token, String city) throws IOException, InterruptedException {
        for (JsonValue v : parse(call(base, "GET", "/api/spaces?city=" + city, token, null, 200)).asJsonArray()) {
            if (v.asJsonObject().getString("slug").equals("city-" + city)) {
                return v.asJsonObject().getJsonNumber("id").longValue();
            }
        }
        throw new IllegalStateException("no community space for " + city);
    }

    String signIn(URI base, String email, String password) throws IOException, InterruptedException {
        return parse(call(base, "POST", "/api/sessions", null, "{\"email\":\"" + email + "\",\"password\":\""
                + password + "\"}", 201)).asJsonObject().getString("token");
    }

    String call(URI base, String method, String path, String token, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static JsonValue parse(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readValue();
        }
    }
}
