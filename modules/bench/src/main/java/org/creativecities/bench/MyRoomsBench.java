package org.creativecities.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * "My rooms" for someone in many rooms (issue 16's measurement): one person enters {@code rooms} rooms of Lyon over
 * {@code /ws} (a join marks each read), another posts {@code messagesPerRoom} messages in each (so every room has
 * unread messages), then the person asks {@code GET /api/me/rooms} {@code requests} times, one after the other on one
 * connection, after {@code warmup} unmeasured requests. Reports the answer's size, its unread count and the time to
 * answer (client-side, HdrHistogram): the time the server takes to compute the list, plus one loopback round trip.
 */
final class MyRoomsBench {

    private final Bench bench;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    MyRoomsBench(Bench bench) {
        this.bench = bench;
    }

    Map<String, Object> run(URI base, String admin, String reader, String poster, int rooms, int messagesPerRoom,
            int warmup, int requests) throws Exception {
        long t0 = System.nanoTime();
        long space = bench.api.citySpace(base, admin, "lyon");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < rooms; i++) {
            ids.add(BenchApi.parse(bench.api.call(base, "POST", "/api/spaces/" + space + "/rooms", admin,
                    "{\"name\":\"mine-" + i + "\"}", 201)).asJsonObject().getJsonNumber("id").longValue());
        }
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws");
        try (Socket me = new Socket(ws, reader)) {
            for (long room : ids) {
                me.sendAndAwait("{\"type\":\"join\",\"room\":" + room + ",\"id\":\"j" + room + "\"}", "j" + room);
            }
        }
        try (Socket other = new Socket(ws, poster)) {
            for (long room : ids) {
                other.sendAndAwait("{\"type\":\"join\",\"room\":" + room + ",\"id\":\"j" + room + "\"}", "j" + room);
                for (int m = 0; m < messagesPerRoom; m++) {
                    String id = "p" + room + "-" + m;
                    other.sendAndAwait("{\"type\":\"post\",\"room\":" + room + ",\"clientMessageId\":\"" + id
                            + "\",\"text\":\"news " + m + " in room " + room + "\",\"id\":\"" + id + "\"}", id);
                }
            }
        }
        double setupSeconds = (System.nanoTime() - t0) / 1e9;
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/me/rooms")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + reader).GET().build();
        HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() != 200) {
            throw new IllegalStateException("GET /api/me/rooms answered " + first.statusCode());
        }
        var body = BenchApi.parse(first.body()).asJsonObject();
        int listed = body.getJsonArray("items").size();
        long unreadRooms = body.getJsonNumber("unreadRooms") == null ? -1
                : body.getJsonNumber("unreadRooms").longValue();
        for (int i = 0; i < warmup; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
        for (int i = 0; i < requests; i++) {
            long s = System.nanoTime();
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            h.recordValue(System.nanoTime() - s);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET /api/me/rooms answered " + r.statusCode());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rooms", rooms);
        out.put("messagesPerRoom", messagesPerRoom);
        out.put("listed", listed);
        out.put("unreadRooms", unreadRooms);
        out.put("bytes", first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        out.put("setupSeconds", round(setupSeconds));
        out.put("requests", requests);
        out.put("p50Ms", ms(h.getValueAtPercentile(50)));
        out.put("p90Ms", ms(h.getValueAtPercentile(90)));
        out.put("p99Ms", ms(h.getValueAtPercentile(99)));
        out.put("maxMs", ms(h.getMaxValue()));
        System.out.printf(Locale.ROOT, "[bench] my rooms: %s%n", out);
        return out;
    }

    private static double ms(long nanos) {
        return round(nanos / 1e6);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A signed-in {@link CollabSocket} that sends a frame and waits for the frame that answers its id. */
    private static final class Socket implements AutoCloseable {
        private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final CollabSocket ws;

        Socket(URI uri, String token) throws Exception {
            ws = new CollabSocket(uri, token, frames::add);
        }

        void sendAndAwait(String frame, String id) throws InterruptedException {
            ws.send(frame);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                String f = frames.poll(1, TimeUnit.SECONDS);
                if (f != null && f.contains("\"id\":\"" + id + "\"")) {
                    if (f.contains("\"type\":\"error\"")) {
                        throw new IllegalStateException("refused: " + f);
                    }
                    return;
                }
            }
            throw new IllegalStateException("no answer to " + id);
        }

        @Override
        public void close() {
            ws.close();
        }
    }
}
