package org.creativecities.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

/**
 * The attackers of the mixed attack (docs/benchmarks.md, "Mixed attack"): every known way in issue 12 to lock
 * people out, exhaust memory or break a room, run at the same time from their own threads and loopback source
 * addresses (127.0.1.x), each at a bounded rate, until a deadline. What the server answers is tallied per attack
 * (HTTP status, WebSocket error code or close code, or {@code reset}/{@code timeout}).
 *
 * <p>Everything ends: each attack stops starting requests at the deadline, every request has a time limit, and
 * {@link #stop} closes the attackers' sockets.
 */
final class Attack {

    /** Answers that are the room's normal traffic, not an answer to the attacker. */
    private static final Set<String> TRAFFIC = Set.of("message", "presence", "typing", "mention", "reaction", "edit",
            "delete", "hello");

    /** One attack's tally: what was sent and what came back. */
    static final class Tally {
        final String name;
        final String what;
        final AtomicLong sent = new AtomicLong();
        final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

        Tally(String name, String what) {
            this.name = name;
            this.what = what;
        }

        void record(String outcome) {
            if (!TRAFFIC.contains(outcome)) {
                outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
            }
        }

        String histogram() {
            Map<String, Long> sorted = new TreeMap<>();
            outcomes.forEach((k, v) -> sorted.put(k, v.sum()));
            List<String> parts = new ArrayList<>();
            sorted.forEach((k, v) -> parts.add(k + ":" + v));
            return String.join(" ", parts);
        }
    }

    private final URI ws;
    private final String host;
    private final int port;
    private final long deadline;
    private final String attackerToken;
    private final long[] rooms;
    private final long space;
    private final List<String> emails;
    private final List<String> only;
    private final List<Thread> threads = new ArrayList<>();
    private final List<RawWs> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    Attack(Properties plan, URI ws, long[] rooms, double seconds) {
        this.ws = ws;
        this.host = ws.getHost();
        this.port = ws.getPort();
        this.deadline = System.nanoTime() + (long) (seconds * 1e9);
        this.attackerToken = plan.getProperty("attackerToken");
        this.rooms = rooms;
        this.space = Long.parseLong(plan.getProperty("space"));
        this.emails = List.of(plan.getProperty("lockoutEmails").split(","));
        String attacks = plan.getProperty("attacks", "").trim();
        this.only = attacks.isEmpty() ? List.of() : List.of(attacks.split(","));
    }

    /** Starts every attack; they run until the deadline given to the constructor. */
    void start() {
        paced("signin", "sign-in flood, wrong passwords, 2 in 5 against the first admin, the rest against members "
                + "and unknown emails, from 8 addresses (1 in 4 with a forged X-Forwarded-For)", 8, 20,
                () -> signIn(next("signin")));
        paced("tickets", "live-ticket flood (POST /api/live/tickets) by one signed-in attacker", 2, 50, () -> http(
                "tickets", addr(20), "POST", "/api/live/tickets", attackerToken, null, 10_000));
        paced("upload50", "anonymous 50 MiB POST /api/admin/plugins, 2 at a time", 2, 10, () -> http("upload50",
                addr(21), "POST", "/api/admin/plugins", null, new RawHttp.Body("application/octet-stream",
                        new byte[] {'P', 'K', 3, 4}, (byte) 0, 50L << 20, false), 60_000));
        paced("body2m", "2 MiB JSON bodies to sign-in, registration and room creation", 1, 2, () -> oversized(
                next("body2m"), 2L << 20, false));
        paced("chunked", "8 MiB chunked JSON bodies to sign-in, registration and room creation", 1, 1, () -> oversized(
                next("chunked"), 8L << 20, true));
        paced("malformed", "malformed JSON (null, trailing garbage, 2,000-deep arrays and objects, wrong types, huge "
                + "numbers) to 4 endpoints", 2, 20, () -> malformed(next("malformed")));
        paced("wsbad", "visitor WebSocket frames: 1,000-deep nesting, 16,000-digit numbers, garbage, invalid UTF-8, "
                + "binary", 1, 20, wsBad());
        paced("ws10m", "visitor WebSocket: one 10 MiB text frame per connection", 1, 0.5, this::wsHuge);
        paced("wsflood", "visitor WebSocket frame flood (posts and typing on 2 connections)", 1, 400, wsFlood());
        paced("bombs", "Markdown bombs posted by a member into the measured rooms: 16,000 '>' and \"1. \" x 5,000", 1,
                1, bombs());
    }

    /** Waits for the attackers to finish (at most {@code graceMs} past the deadline), then closes their sockets. */
    void stop(long graceMs) throws InterruptedException {
        long until = deadline + graceMs * 1_000_000;
        for (Thread t : threads) {
            t.join(Math.max(1, (until - System.nanoTime()) / 1_000_000));
        }
        sockets.forEach(RawWs::close);
        for (Thread t : threads) {
            t.interrupt();
        }
    }

    /** {@code threads} threads, together at most {@code perSecond} actions a second (fewer if the server is slower). */
    private void paced(String name, String what, int count, double perSecond, Runnable action) {
        if (!chosen(name)) {
            return;
        }
        tallies.put(name, new Tally(name, what));
        long every = (long) (count * 1e9 / perSecond);
        for (int i = 0; i < count; i++) {
            long first = System.nanoTime() + every * i / count;
            Thread t = new Thread(() -> {
                long next = first;
                while (next < deadline && !Thread.currentThread().isInterrupted()) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                        continue;
                    }
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        tallies.get(name).record("harness:" + e.getClass().getSimpleName());
                    }
                    next = Math.max(next + every, System.nanoTime());
                }
            }, "attack-" + name + "-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    // ---- REST ----------------------------------------------------------------------------------------------------

    private void signIn(long i) {
        String email = switch ((int) (i % 5)) {
            case 0, 1 -> emails.get(0);
            case 2, 3 -> emails.get(1 + (int) (i / 5 % (emails.size() - 1)));
            default -> "nobody" + i + "@example.org";
        };
        Map<String, String> headers = i % 4 == 3 ? Map.of("X-Forwarded-For", "10.9." + (i % 250) + ".7") : Map.of();
        RawHttp.Response r = RawHttp.send(addr(1 + (int) (i % 8)), host, port, "POST", "/api/sessions", headers,
                RawHttp.Body.json("{\"email\":\"" + email + "\",\"password\":\"wrong password " + i + "\"}"), 20_000);
        count("signin", r);
    }

    private void oversized(long i, long bytes, boolean chunked) {
        String[] paths = {"/api/sessions", "/api/accounts", "/api/spaces/" + space + "/rooms"};
        String path = paths[(int) (i % paths.length)];
        byte[] head = "{\"email\":\"x@example.org\",\"displayName\":\"x\",\"name\":\"".getBytes(StandardCharsets.UTF_8);
        RawHttp.Body body = new RawHttp.Body("application/json", head, (byte) 'a', bytes, chunked);
        http(chunked ? "chunked" : "body2m", addr(22), "POST", path, path.contains("spaces") ? attackerToken : null,
                body, 30_000);
    }

    private void malformed(long i) {
        String[] bodies = {"null", "{\"email\":\"a@example.org\",\"password\":\"x\"} trailing", "[" .repeat(2000)
                + "]".repeat(2000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000), "{\"name\":false}",
            "{\"email\":" + "9".repeat(20_000) + "}", "{\"email\":1e999999999}", "\"just a string\"", "{", "\u0000\u00ff",
            "{\"networkWide\":\"maybe\"}"};
        String[] paths = {"/api/sessions", "/api/accounts", "/api/spaces/" + space + "/rooms", "/api/live/tickets"};
        String path = paths[(int) ((i / bodies.length) % paths.length)];
        boolean auth = path.contains("spaces") || path.contains("tickets");
        http("malformed", addr(23), "POST", path, auth ? attackerToken : null,
                RawHttp.Body.json(bodies[(int) (i % bodies.length)]), 10_000);
    }

    private void http(String tally, InetAddress from, String method, String path, String token, RawHttp.Body body,
                      int timeoutMs) {
        Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
        count(tally, RawHttp.send(from, host, port, method, path, headers, body, timeoutMs));
    }

    private void count(String tally, RawHttp.Response r) {
        Tally t = tallies.get(tally);
        t.sent.incrementAndGet();
        t.record(r.outcome());
    }

    // ---- WebSocket -----------------------------------------------------------------------------------------------

    private Runnable wsBad() {
        byte[][] frames = {
            ("{\"type\":\"join\",\"room\":" + "[".repeat(1000) + "]".repeat(1000) + "}").getBytes(StandardCharsets.UTF_8),
            ("{\"type\":\"join\",\"id\":" + "{\"a\":".repeat(1000) + "1" + "}".repeat(1000) + ",\"room\":1}")
                    .getBytes(StandardCharsets.UTF_8),
            ("{\"type\":\"join\",\"room\":" + "7".repeat(16_000) + "}").getBytes(StandardCharsets.UTF_8),
            "{\"type\":\"join\",\"room\":1e999999999}".getBytes(StandardCharsets.UTF_8),
            "}{ not json at all".getBytes(StandardCharsets.UTF_8),
            "null".getBytes(StandardCharsets.UTF_8),
            {'{', '"', (byte) 0xc3, (byte) 0x28, '"', '}'}};
        return visitors("wsbad", 30, (c, i) -> {
            byte[] frame = frames[(int) ((i / 2) % frames.length)];
            c.send(i % 17 == 16 ? 0x82 : 0x81, frame); // now and then as a binary frame
        });
    }

    private void wsHuge() {
        Tally t = tallies.get("ws10m");
        try (RawWs c = open("ws10m", addr(33), null)) {
            t.sent.incrementAndGet();
            c.hugeText(10L << 20, (byte) 'a');
            long until = System.nanoTime() + 5_000_000_000L;
            while (c.isOpen() && System.nanoTime() < until) {
                LockSupport.parkNanos(20_000_000);
            }
            if (c.isOpen()) {
                t.record("still-open-after-5s");
            }
        } catch (IOException e) {
            t.record("connect-failed");
        }
    }

    private Runnable wsFlood() {
        return visitors("wsflood", 34, (c, i) -> {
            long room = rooms[(int) (i % rooms.length)];
            c.text(i % 2 == 0 ? "{\"type\":\"typing\",\"room\":" + room + "}"
                    : "{\"type\":\"post\",\"room\":" + room + ",\"clientMessageId\":\"f" + i + "\",\"text\":\"flood\"}");
        });
    }

    /**
     * Two visitor connections (from 127.0.1.{@code firstAddress} and the next) taking turns to send a frame; a
     * connection the server closed is opened again.
     */
    private Runnable visitors(String tally, int firstAddress, BiConsumer<RawWs, Long> frame) {
        RawWs[] conn = new RawWs[2];
        return () -> {
            long i = next(tally);
            int k = (int) (i % conn.length);
            conn[k] = reopen(conn[k], tally, addr(firstAddress + k));
            if (conn[k] != null) {
                tallies.get(tally).sent.incrementAndGet();
                frame.accept(conn[k], i);
            }
        };
    }

    private Runnable bombs() {
        String quotes = ">".repeat(16_000);
        String list = "1. ".repeat(5_000);
        RawWs[] conn = new RawWs[1];
        return () -> {
            if (conn[0] == null || !conn[0].isOpen()) {
                conn[0] = reopen(conn[0], "bombs", addr(40), attackerToken);
                if (conn[0] == null) {
                    return;
                }
                for (long room : rooms) {
                    conn[0].text("{\"type\":\"join\",\"room\":" + room + ",\"id\":\"j\"}");
                }
            }
            long i = next("bombs");
            tallies.get("bombs").sent.incrementAndGet();
            conn[0].text("{\"type\":\"post\",\"room\":" + rooms[(int) (i % rooms.length)] + ",\"clientMessageId\":\"bomb"
                    + i + "\",\"text\":\"" + (i % 2 == 0 ? quotes : list) + "\"}");
        };
    }

    private RawWs reopen(RawWs c, String tally, InetAddress from) {
        return reopen(c, tally, from, null);
    }

    private RawWs reopen(RawWs c, String tally, InetAddress from, String token) {
        if (c != null && c.isOpen()) {
            return c;
        }
        try {
            return open(tally, from, token);
        } catch (IOException e) {
            tallies.get(tally).record("connect-failed");
            return null;
        }
    }

    private RawWs open(String tally, InetAddress from, String token) throws IOException {
        Tally t = tallies.get(tally);
        RawWs c = new RawWs(from, ws, token, t::record);
        sockets.removeIf(old -> !old.isOpen());
        sockets.add(c);
        return c;
    }

    /** Whether an attack runs: all by default; {@code -Dbench.attacks=signin,bombs} runs only some (to find a cause). */
    private boolean chosen(String name) {
        return only.isEmpty() || only.contains(name);
    }

    /** The next index of one attack's own sequence (which payload, account or address comes next). */
    private long next(String attack) {
        return counters.computeIfAbsent(attack, k -> new AtomicLong()).getAndIncrement();
    }

    /** The attackers' source addresses: 127.0.1.n. */
    static InetAddress addr(int n) {
        return RawHttp.loopback(1, n);
    }
}
