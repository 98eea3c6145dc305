package org.creativecities.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The mixed attack (docs/benchmarks.md, "Mixed attack"; issue 12's "Done when"): our server with its shipped limits,
 * members posting at a steady rate while {@link Attack attackers} flood it, and what is left afterwards — the log's
 * growth, OutOfMemoryErrors, the heap, whether it still serves and whether the first administrator can still sign
 * in. The measuring itself is the load generator's {@link AttackLoad attack mode}.
 */
final class AttackBench {

    /** Only the administrator's password is set: every limit is the shipped default. */
    static final Map<String, String> ENV = Map.of("CCC_ADMIN_PASSWORD", Bench.ADMIN_PASSWORD);
    static final String ADMIN = "admin@creativecities.local";

    private final Bench bench;
    private final String host = "127.0.0.1";
    private int port;
    private Path dir;
    private CompletableFuture<Process> booting;

    AttackBench(Bench bench) {
        this.bench = bench;
    }

    /**
     * Starts booting the attack's server on a thread of its own, so that its boot overlaps what runs before the
     * attack (the smoke run: it measures nothing). Without this, {@link #run()} boots it when the attack starts.
     */
    void bootMeanwhile() throws IOException {
        Path folder = serverFolder();
        port = Bench.freePort();
        int chosen = port;
        booting = CompletableFuture.supplyAsync(() -> {
            try {
                return bench.processes.startCcc(folder, chosen, "-Xmx1g", bench.jfr, ENV);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Waits until a boot begun by {@link #bootMeanwhile()} ended, whether or not it worked (so it can be stopped). */
    void awaitBoot() {
        if (booting != null) {
            try {
                booting.join();
            } catch (CompletionException | java.util.concurrent.CancellationException ignored) {
                // run() reports a failed boot; here it only matters that no start is still under way.
            }
        }
    }

    private Path serverFolder() throws IOException {
        dir = Files.createDirectories(bench.work.resolve("attack-" + System.nanoTime()));
        return dir;
    }

    /** Starts a server of its own (or awaits it), prepares members and rooms, runs the attack, returns its figures. */
    Map<String, Object> run() throws Exception {
        int members = bench.full ? 20 : 4;
        int roomCount = bench.full ? 4 : 2;
        double seconds = Double.parseDouble(System.getProperty("bench.attack.seconds", bench.full ? "60" : "5"));
        Process ccc;
        if (booting == null) {
            port = Bench.freePort();
            ccc = bench.processes.startCcc(serverFolder(), port, "-Xmx1g", bench.jfr, ENV);
        } else {
            try {
                ccc = booting.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        Path log = dir.resolve("server.log");
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            String admin = signIn(null, ADMIN, Bench.ADMIN_PASSWORD);
            call(null, "PATCH", "/api/cities/lyon", admin, "{\"joinPolicy\":\"OPEN\"}", 200);
            List<String> emails = new ArrayList<>();
            List<String> tokens = accounts(members + 1, emails);
            String attacker = tokens.remove(members);
            long space = citySpace(admin);
            List<Long> rooms = new ArrayList<>();
            for (int i = 0; i < roomCount; i++) {
                JsonObject room = BenchApi.parse(call(null, "POST", "/api/spaces/" + space + "/rooms", admin,
                        "{\"name\":\"attack-" + i + "\"}", 201)).asJsonObject();
                rooms.add(room.getJsonNumber("id").longValue());
            }
            Properties plan = new Properties();
            plan.setProperty("mode", "attack");
            plan.setProperty("targets", "ccc");
            plan.setProperty("target.ccc.ws", "ws://" + host + ":" + port + "/ws");
            plan.setProperty("target.ccc.pid", Long.toString(ccc.pid()));
            plan.setProperty("target.ccc.java", "true");
            plan.setProperty("target.ccc.tokens", String.join(",", tokens));
            plan.setProperty("target.ccc.rooms", String.join(",", rooms.stream().map(String::valueOf).toList()));
            plan.setProperty("intervalSeconds", "0.5");
            plan.setProperty("durationSeconds", Double.toString(seconds));
            plan.setProperty("warmupSeconds", System.getProperty("bench.attack.warmup", bench.full ? "15" : "0"));
            // Members joining (≤ 60 s), the attack, the drain (≤ 60 s + 120 s quiet), the attackers' grace (75 s).
            plan.setProperty("maxSeconds", Long.toString((long) seconds + 600));
            plan.setProperty("attackerToken", attacker);
            plan.setProperty("space", Long.toString(space));
            plan.setProperty("attacks", System.getProperty("bench.attacks", ""));
            plan.setProperty("lockoutEmails", String.join(",", List.of(ADMIN, emails.get(0), emails.get(1))));

            out.put("loadAverageBefore", loadAverage());
            long log0 = Files.size(log);
            double heap0 = ServerProcess.heapMiB(ccc.pid(), true, true);
            List<Map<String, String>> rows = bench.loadgen(plan, "attack");
            long log1 = Files.size(log);
            out.put("loadAverageAfter", loadAverage());
            out.put("row", rows.get(0));
            out.put("logBytesBefore", log0);
            out.put("logGrowthBytes", log1 - log0);
            out.putAll(scan(log, log0));
            out.put("serverAlive", ccc.isAlive());
            out.put("health", status("GET", "/health", null));
            out.put("cityList", status("GET", "/api/cities", null));
            List<String> history = new ArrayList<>();
            for (long room : rooms) {
                history.add(Integer.toString(status("GET", "/api/rooms/" + room + "/history?limit=50", admin)));
            }
            out.put("historyStatuses", String.join(" ", history));
            RawHttp.Response again = RawHttp.send(RawHttp.loopback(3, 1), host, port, "POST", "/api/sessions",
                    Map.of(), RawHttp.Body.json(credentials(ADMIN, Bench.ADMIN_PASSWORD)), 30_000);
            out.put("adminSignInAfter", again.outcome());
            out.put("heapBeforeMiB", ServerProcess.fmt(heap0));
            out.put("heapAfterMiB", ServerProcess.fmt(ServerProcess.heapMiB(ccc.pid(), true, true)));
            out.put("stillServing", ccc.isAlive() && (int) out.get("health") == 200 && (int) out.get("cityList") == 200);
            out.put("serverLog", log.toString());
        } finally {
            BenchProcesses.stop(ccc);
        }
        System.out.println("[bench] attack " + out);
        return out;
    }

    /** The machine's load averages (1, 5, 15 min): the machine is shared, and this says how busy it was. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Registers, signs in and joins Lyon {@code n} accounts, each from its own address (127.0.2.x). */
    private List<String> accounts(int n, List<String> emails) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String email = "member" + i + "@example.org";
            emails.add(email);
            InetAddress from = RawHttp.loopback(2, i + 1);
            String name = "Member" + i;
            futures.add(pool.submit(() -> {
                call(from, "POST", "/api/accounts", null, "{\"email\":\"" + email + "\",\"displayName\":\"" + name
                        + "\",\"password\":\"" + Bench.USER_PASSWORD + "\"}", 202);
                String token = signIn(from, email, Bench.USER_PASSWORD);
                call(from, "POST", "/api/cities/lyon/members", token, null, 201);
                return token;
            }));
        }
        List<String> tokens = new ArrayList<>();
        for (Future<String> f : futures) {
            tokens.add(f.get());
        }
        pool.shutdown();
        return tokens;
    }

    private long citySpace(String admin) throws IOException {
        for (JsonValue v : BenchApi.parse(call(null, "GET", "/api/spaces?city=lyon", admin, null, 200)).asJsonArray()) {
            if (v.asJsonObject().getString("slug").equals("city-lyon")) {
                return v.asJsonObject().getJsonNumber("id").longValue();
            }
        }
        throw new IllegalStateException("no space city-lyon");
    }

    /**
     * What the log says from {@code offset} on: OutOfMemoryErrors (anywhere in the log), stack-trace lines,
     * SEVERE/WARNING lines and the access log's share (one line per HTTP request), read as a stream (the log may be
     * large).
     */
    static Map<String, Object> scan(Path log, long offset) throws IOException {
        long oom = 0;
        long oomDuring = 0;
        long traceLines = 0;
        long severe = 0;
        long warning = 0;
        long accessLines = 0;
        long accessBytes = 0;
        long at = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(log),
                StandardCharsets.ISO_8859_1))) {
            String line;
            while ((line = r.readLine()) != null) {
                boolean during = at >= offset;
                at += line.length() + 1;
                if (line.contains("OutOfMemoryError")) {
                    oom++;
                    oomDuring += during ? 1 : 0;
                }
                if (during) {
                    traceLines += line.startsWith("\tat ") || line.startsWith("        at ") ? 1 : 0;
                    severe += line.contains("SEVERE") ? 1 : 0;
                    warning += line.contains("WARNING") ? 1 : 0;
                    if (line.contains("[ccc.access]")) {
                        accessLines++;
                        accessBytes += line.length() + 1;
                    }
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outOfMemoryError", oom > 0);
        m.put("outOfMemoryLines", oom);
        m.put("outOfMemoryLinesDuring", oomDuring);
        m.put("stackTraceLinesDuring", traceLines);
        m.put("severeLinesDuring", severe);
        m.put("warningLinesDuring", warning);
        m.put("accessLogLinesDuring", accessLines);
        m.put("accessLogBytesDuring", accessBytes);
        return m;
    }

    private String signIn(InetAddress from, String email, String password) throws IOException {
        return BenchApi.parse(call(from, "POST", "/api/sessions", null, credentials(email, password), 201))
                .asJsonObject().getString("token");
    }

    private static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    private int status(String method, String path, String token) {
        return RawHttp.send(null, host, port, method, path, token == null ? Map.of()
                : Map.of("Authorization", "Bearer " + token), null, 30_000).status();
    }

    private String call(InetAddress from, String method, String path, String token, String body, int expected)
            throws IOException {
        RawHttp.Response r = RawHttp.send(from, host, port, method, path, token == null ? Map.of()
                : Map.of("Authorization", "Bearer " + token), body == null ? null : RawHttp.Body.json(body), 120_000);
        if (r.status() != expected) {
            throw new IOException(String.format(Locale.ROOT, "%s %s answered %s: %s", method, path, r.outcome(),
                    r.body()));
        }
        return r.body();
    }
}
