package org.creativecities.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pages' Lighthouse figures ({@code -Dbench.sections=lighthouse}, docs/benchmarks.md): the timing goals of
 * issue 17 (performance at least 95, LCP under 2 s on the mobile preset), which no test asserts. A fresh server of
 * its own, one member, a room and a published work; then Lighthouse ({@code src/main/node-lighthouse}, a fixed
 * version, installed once under the work folder) on the home page, the directory, Lyon's page, the work and the
 * room (signed in), on the mobile and desktop presets, {@code bench.lighthouse.runs} (5: Lighthouse's own advice for
 * a median that one odd run does not move) runs each, in Chromium
 * ({@code CHROME_PATH}, default {@code /usr/bin/chromium}); {@code bench.lighthouse.presets} (mobile,desktop)
 * narrows the presets. Each page is loaded once, unmeasured, before its runs (the runner's warm-up: the server's
 * answers to the page's addresses are then those of a running server, not of a JVM that has just started, and
 * Chromium has presented a first frame of the address). Lighthouse throttles by simulation (its default), so
 * the figures depend less on the machine's load than a real throttled load would; the report gives the median of
 * the runs and the load average when they started.
 */
final class LighthouseBench {

    private static final List<String> METRICS = List.of("performance", "accessibility", "best-practices", "seo",
            "lcp", "fcp", "tbt", "cls", "requests");

    private final Bench bench;
    private final int runs;
    private final String presets;

    LighthouseBench(Bench bench) {
        this.bench = bench;
        runs = Integer.getInteger("bench.lighthouse.runs", bench.full ? 5 : 1);
        presets = '"' + String.join("\",\"", System.getProperty("bench.lighthouse.presets", "mobile,desktop")
                .split(",")) + '"';
    }

    Map<String, Object> run() throws Exception {
        int port = Bench.freePort();
        Path cccDir = Files.createDirectories(bench.work.resolve("lighthouse-ccc-" + System.nanoTime()));
        Process ccc = bench.processes.startCcc(cccDir, port, "-Xmx1g", false, Bench.BENCH_ENV);
        URI base = URI.create("http://127.0.0.1:" + port);
        String member = bench.api.setup(base, 0, 1).tokens().get(0);
        String admin = bench.api.signIn(base, "admin@creativecities.local", Bench.ADMIN_PASSWORD);
        long space = bench.api.citySpace(base, admin, "lyon");
        long room = BenchApi.parse(bench.api.call(base, "POST", "/api/spaces/" + space + "/rooms", admin,
                "{\"name\":\"Lighthouse room\"}", 201)).asJsonObject().getJsonNumber("id").longValue();
        long work = BenchApi.parse(bench.api.call(base, "POST", "/api/works", member, "{\"title\":\"Lighthouse work\","
                + "\"content\":\"# Lighthouse work\\n\\nA paragraph of **text**.\"}", 201)).asJsonObject()
                .getJsonNumber("id").longValue();
        bench.api.call(base, "POST", "/api/works/" + work + "/publish", member, "{}", 200);
        Path src = Path.of(System.getProperty("bench.lighthouse.src",
                bench.nodeSrc.resolveSibling("node-lighthouse").toString()));
        Path dir = bench.processes.installNode(src, "lighthouse", "node_modules/lighthouse");
        Path out = Files.createDirectories(bench.reportDir.resolve("lighthouse"));
        String plan = "{\"base\":\"" + base + "\",\"out\":\"" + out + "\",\"runs\":" + runs
                + ",\"presets\":[" + presets + "],\"pages\":[" + page("home", "/", null) + ","
                + page("cities", "/cities", null) + "," + page("city", "/cities/lyon", null) + ","
                + page("work", "/works/" + work, null) + "," + page("room", "/rooms/" + room, member) + "]}";
        Files.writeString(dir.resolve("plan.json"), plan);
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        ProcessBuilder pb = new ProcessBuilder("node", "run.mjs", "plan.json").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(out.resolve("lighthouse.log").toFile());
        pb.environment().putIfAbsent("CHROME_PATH", "/usr/bin/chromium");
        long t0 = System.nanoTime();
        int exit = pb.start().waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        BenchProcesses.stop(ccc);
        if (exit != 0) {
            throw new IllegalStateException("Lighthouse failed: " + Files.readString(out.resolve("lighthouse.log")));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("loadAverage", load);
        result.put("runs", runs);
        result.put("seconds", Math.round(seconds));
        result.put("rows", medians(BenchApi.parse(Files.readString(out.resolve("summary.json"))).asJsonArray()));
        Files.writeString(bench.reportDir.resolve("lighthouse.md"), markdown(result));
        System.out.println("[bench] lighthouse " + result);
        return result;
    }

    private static String page(String name, String path, String token) {
        return "{\"name\":\"" + name + "\",\"path\":\"" + path + "\",\"token\":"
                + (token == null ? "null" : "\"" + token + "\"") + "}";
    }

    /** One row per page and preset: the median of each figure over the runs. */
    static List<Map<String, String>> medians(List<JsonValue> summary) {
        Map<String, List<JsonObject>> byPage = new TreeMap<>();
        for (JsonValue v : summary) {
            JsonObject r = v.asJsonObject();
            byPage.computeIfAbsent(r.getString("page") + " " + r.getString("preset"), k -> new ArrayList<>()).add(r);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        byPage.forEach((key, list) -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("page", key.substring(0, key.indexOf(' ')));
            row.put("preset", key.substring(key.indexOf(' ') + 1));
            for (String metric : METRICS) {
                List<Double> values = list.stream().map(r -> value(r, metric)).sorted().toList();
                double median = values.get(values.size() / 2);
                row.put(metric, metric.equals("cls") ? String.format(Locale.ROOT, "%.3f", median)
                        : METRICS.indexOf(metric) < 4 ? String.valueOf(Math.round(median * 100))
                        : String.valueOf(Math.round(median)));
            }
            rows.add(row);
        });
        return rows;
    }

    private static double value(JsonObject r, String metric) {
        JsonObject scores = r.getJsonObject("scores");
        return scores.containsKey(metric) ? scores.getJsonNumber(metric).doubleValue()
                : r.getJsonNumber(metric).doubleValue();
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> result) {
        StringBuilder md = new StringBuilder("## Lighthouse (issue 17)\n\n");
        md.append(String.format(Locale.ROOT, "Lighthouse 12.8.2, simulated throttling, median of %s run(s) per page "
                + "and preset, %s s in all; load average when they started: %s.%n%n", result.get("runs"),
                result.get("seconds"), result.get("loadAverage")));
        md.append("| page | preset | performance | accessibility | best practices | SEO | LCP ms | FCP ms | TBT ms "
                + "| CLS | requests |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, String> row : (List<Map<String, String>>) result.get("rows")) {
            md.append("| ").append(row.get("page")).append(" | ").append(row.get("preset"));
            for (String metric : METRICS) {
                md.append(" | ").append(row.get(metric));
            }
            md.append(" |\n");
        }
        return md.toString();
    }
}
