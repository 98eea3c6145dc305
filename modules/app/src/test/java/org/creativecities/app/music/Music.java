package org.creativecities.app.music;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;

/** What the music plugin's tests share: a fresh city, a listening room in it, frames, and a WAV tone to upload. */
public final class Music {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Music() {
    }

    /** A new open city designated for music, with a unique name; returns its slug. */
    public static String city(TestUser admin, String name) {
        return admin.post("/api/cities", Api.json("name", name + " " + System.nanoTime(), "countryCode", "GB",
                "latitude", 51.45, "longitude", -2.58, "website", "https://example.org/music", "joinPolicy", "OPEN",
                "designations", Json.createArrayBuilder().add(Api.json("field", "music", "year", 2008)).build()))
                .expect(201).object().getString("slug");
    }

    /** Makes each person a member of the city. */
    public static void join(String city, TestUser... people) {
        for (TestUser p : people) {
            p.post("/api/cities/" + city + "/members", null).expect(201);
        }
    }

    /** Makes a member a coordinator of the city. */
    public static void coordinator(TestUser admin, String city, TestUser who) {
        admin.put("/api/cities/" + city + "/members/" + who.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
    }

    /** The id of the city's community space. */
    public static long citySpace(TestUser someone, String city) {
        return someone.get("/api/spaces?city=" + city).expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("slug").equals("city-" + city)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    /** A coordinator creates a listening room in the city's community space; returns its id. */
    public static long listeningRoom(TestUser coordinator, String city, String name) {
        return coordinator.post("/api/spaces/" + citySpace(coordinator, city) + "/rooms",
                Api.json("name", name, "kind", "listening-room")).expect(201).object().getJsonNumber("id").longValue();
    }

    /** A coordinator sets the hosts whose links the city's queues take. */
    static void allowHosts(TestUser coordinator, String city, String... hosts) {
        coordinator.put("/api/cities/" + city + "/modules/music/settings", Api.json("values",
                Api.json("allowed-hosts", List.of(hosts)))).expect(200);
    }

    static JsonObject action(long room, String action, JsonObject payload, String id) {
        return payload == null ? Api.json("type", "action", "room", room, "action", action, "id", id)
                : Api.json("type", "action", "room", room, "action", action, "payload", payload, "id", id);
    }

    static JsonObject addLink(long room, String title, String url, long durationMs, String id) {
        return action(room, "add", Api.json("title", title, "url", url, "durationMs", durationMs), id);
    }

    static boolean isState(JsonObject f, long room) {
        return f.getString("type").equals("plugin.state") && f.getJsonNumber("room").longValue() == room;
    }

    static boolean isSystem(JsonObject f, long room, String event) {
        return f.getString("type").equals("system") && f.getJsonNumber("room").longValue() == room
                && f.getString("event").equals(event);
    }

    /** The title of the track now playing in a state (or an event's payload); null when idle. */
    static String nowPlaying(JsonObject state) {
        return state.get("nowPlaying") instanceof JsonObject p ? p.getString("title") : null;
    }

    static List<String> queue(JsonObject state) {
        return state.getJsonArray("queue").getValuesAs(JsonObject.class).stream().map(t -> t.getString("title"))
                .toList();
    }

    /** A playlist work's content: a description and one track per title, each with a link and a length. */
    public static JsonObject playlist(String... titles) {
        var tracks = Json.createArrayBuilder();
        for (String t : titles) {
            tracks.add(Api.json("title", t, "artist", "Bristol", "url",
                    "https://archive.org/" + t.replace(' ', '-') + ".mp3", "durationMs", 240_000));
        }
        return Api.json("description", "Songs for the night bus", "tracks", tracks.build());
    }

    /** The answer to an upload: its status, content type and body. */
    record Upload(int status, String contentType, String body) {
        JsonObject object() {
            return Api.parse(body).asJsonObject();
        }
    }

    /** Uploads audio bytes through the plugin's upload route as this person. */
    static Upload upload(TestUser who, String city, String name, byte[] bytes) {
        Api api = who.api();
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/plugins/music/cities/" + city + "/uploads?name="
                        + name))
                .header("Authorization", "Bearer " + who.token()).header("X-Forwarded-For", who.ip())
                .header("Content-Type", "audio/wav").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Upload(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A 16-bit mono PCM WAV file: a sine tone of {@code hz} for {@code millis} at 8 kHz. */
    public static byte[] tone(int hz, int millis) {
        int rate = 8000;
        int samples = rate * millis / 1000;
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (Math.sin(2 * Math.PI * hz * i / rate) * 8000));
        }
        return b.array();
    }
}
