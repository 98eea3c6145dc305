package org.creativecities.bench;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Announcement fan-out (issue 16's measurement): {@code people} seeded members of cities of one creative field
 * ({@link AnnounceSeed}), each connected live over {@code /ws} (one connection each, signed in with its bearer token,
 * ready once its {@code hello} arrived); then an administrator sends one announcement to the field. Measures, from
 * the moment before the POST: the POST's answer (202), each person's {@code notification} frame's arrival (p50, p90,
 * p99, max, client-side on the JDK WebSocket client's thread, HdrHistogram), the last arrival, and the server's own
 * fan-out time (the announcement's completedAt minus its createdAt). Counts who got none and who got it twice.
 */
final class AnnounceBench {

    private final Bench bench;

    AnnounceBench(Bench bench) {
        this.bench = bench;
    }

    Map<String, Object> run(URI base, String admin, String field, AnnounceSeed.Seeded seeded, double seedSeconds)
            throws Exception {
        int people = seeded.tokens().size();
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws");
        AtomicLong start = new AtomicLong(Long.MAX_VALUE);
        long[] arrival = new long[people];
        AtomicInteger duplicated = new AtomicInteger();
        CountDownLatch hellos = new CountDownLatch(people);
        CountDownLatch arrived = new CountDownLatch(people);
        List<CollabSocket> sockets = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < people; i++) {
                int me = i;
                boolean[] seen = new boolean[2];
                sockets.add(new CollabSocket(ws, seeded.tokens().get(i), f -> {
                    if (!seen[0] && f.contains("\"type\":\"hello\"")) {
                        seen[0] = true;
                        hellos.countDown();
                    } else if (f.contains("\"type\":\"notification\"") && f.contains("\"kind\":\"announcement\"")) {
                        long now = System.nanoTime();
                        if (seen[1]) {
                            duplicated.incrementAndGet();
                        } else {
                            seen[1] = true;
                            arrival[me] = now - start.get();
                            arrived.countDown();
                        }
                    }
                }));
            }
            if (!hellos.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException(hellos.getCount() + " connections never said hello");
            }
            double connectSeconds = (System.nanoTime() - t0) / 1e9;
            String body = "{\"audience\":\"field\",\"field\":\"" + field + "\",\"title\":\"Bench announcement\","
                    + "\"body\":\"To **every** member of the field's cities.\"}";
            start.set(System.nanoTime());
            JsonObject sent = BenchApi.parse(bench.api.call(base, "POST", "/api/announcements", admin, body, 202))
                    .asJsonObject();
            long postNanos = System.nanoTime() - start.get();
            boolean all = arrived.await(Math.max(60, people / 10), TimeUnit.SECONDS);
            long id = sent.getJsonNumber("id").longValue();
            JsonObject done = awaitDelivered(base, admin, id);
            Histogram h = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
            long last = 0;
            int received = 0;
            for (long a : arrival) {
                if (a > 0) {
                    h.recordValue(a);
                    last = Math.max(last, a);
                    received++;
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("people", people);
            out.put("cities", seeded.cities().size());
            out.put("field", field);
            out.put("recipients", sent.getInt("recipients"));
            out.put("seedSeconds", round(seedSeconds));
            out.put("connectSeconds", round(connectSeconds));
            out.put("postMs", ms(postNanos));
            out.put("received", received);
            out.put("missing", people - received);
            out.put("duplicated", duplicated.get());
            out.put("allArrived", all);
            out.put("p50Ms", ms(h.getValueAtPercentile(50)));
            out.put("p90Ms", ms(h.getValueAtPercentile(90)));
            out.put("p99Ms", ms(h.getValueAtPercentile(99)));
            out.put("maxMs", ms(h.getMaxValue()));
            out.put("lastArrivalMs", ms(last));
            out.put("delivered", done.getInt("delivered"));
            out.put("serverFanoutMs", Duration.between(OffsetDateTime.parse(done.getString("createdAt")),
                    OffsetDateTime.parse(done.getString("completedAt"))).toMillis());
            System.out.printf(Locale.ROOT, "[bench] announcement fan-out: %s%n", out);
            return out;
        } finally {
            sockets.forEach(CollabSocket::close);
        }
    }

    private JsonObject awaitDelivered(URI base, String admin, long id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            JsonObject a = BenchApi.parse(bench.api.call(base, "GET", "/api/announcements/" + id, admin, null, 200))
                    .asJsonObject();
            if ("delivered".equals(a.getString("status")) || System.nanoTime() > deadline) {
                if (!a.containsKey("completedAt") || a.isNull("completedAt")) {
                    throw new IllegalStateException("the announcement's fan-out did not complete: " + a);
                }
                return a;
            }
            Thread.sleep(200);
        }
    }

    private static double ms(long nanos) {
        return round(nanos / 1e6);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
