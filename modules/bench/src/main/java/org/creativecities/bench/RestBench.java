package org.creativecities.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** REST throughput and latency with wrk, against bare Payara Micro serving the same bytes as static files. */
final class RestBench {

    private final Bench bench;

    RestBench(Bench bench) {
        this.bench = bench;
    }

    /**
     * wrk against the city list and one city profile, side by side with bare Payara Micro serving the very same
     * bytes as static files (no JAX-RS, no database): the cost of the platform over the container.
     */
    List<Map<String, Object>> run(int cccPort) throws Exception {
        URI base = URI.create("http://127.0.0.1:" + cccPort);
        String list = bench.api.call(base, "GET", "/api/cities", null, null, 200);
        String lyon = bench.api.call(base, "GET", "/api/cities/lyon", null, null, 200);
        Path war = bench.work.resolve("static-baseline.war");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(war))) {
            for (Map.Entry<String, String> e : Map.of("cities.json", list, "lyon.json", lyon).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        int port = Bench.freePort();
        Process bare = bench.processes.startPayara("rest-baseline", port, war);
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            String[][] endpoints = {
                {"city list", "/api/cities", "/static/cities.json"},
                {"city profile", "/api/cities/lyon", "/static/lyon.json"}};
            for (String[] e : endpoints) {
                String ours = "http://127.0.0.1:" + cccPort + e[1];
                String theirs = "http://127.0.0.1:" + port + e[2];
                wrk(ours, 3);
                wrk(theirs, 3);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("endpoint", e[0] + " " + e[1]);
                row.put("bytes", (e[1].endsWith("lyon") ? lyon : list).getBytes(StandardCharsets.UTF_8).length);
                row.put("ours", wrk(ours, 10));
                row.put("baseline", wrk(theirs, 10));
                System.out.println("[bench] REST " + row);
                rows.add(row);
            }
        } finally {
            BenchProcesses.stop(bare);
        }
        return rows;
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\n\\s+99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern P50 = Pattern.compile("\\n\\s+50%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    Map<String, Object> wrk(String url, int seconds) {
        String out = Bench.exec(List.of("wrk", "-t2", "-c64", "-d" + seconds + "s", "--latency", url));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rps", number(RPS, out));
        m.put("p50ms", millis(P50, out));
        m.put("p99ms", millis(P99, out));
        Matcher bad = NON2XX.matcher(out);
        m.put("non2xx", bad.find() ? Long.parseLong(bad.group(1)) : 0L);
        return m;
    }

    private static double number(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static double millis(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }
}
