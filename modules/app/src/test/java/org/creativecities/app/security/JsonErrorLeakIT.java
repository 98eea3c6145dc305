package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input of every other kind (path and query parameters, content types, Accept headers, charsets), sent to
 * every operation of the OpenAPI document: no answer may be a 5xx, and none may name a Java class or carry a
 * stack trace (issue 12, Medium 9). Anonymous callers try every operation; an administrator tries the reads,
 * and the writes that take a body with a wrong content type or charset (refused before anything runs).
 * Plugin routes are left out (their failures are the plugin supervisor's concern).
 */
@ExtendWith(SharedServer.class)
class JsonErrorLeakIT {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final List<String> BAD_VALUES = List.of("x", "-1", "0", "99999999999999999999", "1.5", "true",
            "%00", "a%20b", "%E2%80%AE", "%C0%AF", "%27%22%3C%3E", "9e999999");
    private static final List<Map.Entry<String, String>> BAD_HEADERS = List.of(
            Map.entry("Content-Type", "text/plain"),
            Map.entry("Content-Type", "application/xml"),
            Map.entry("Content-Type", "application/json; charset=no-such-charset"),
            Map.entry("Content-Type", "application/x-java-serialized-object; class=java.lang.Runtime"),
            Map.entry("Content-Type", "multipart/form-data; boundary=x"),
            Map.entry("Content-Type", "%%%"),
            Map.entry("Accept", "application/xml"),
            Map.entry("Accept", "%%%"));
    private static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noAnswerToBadInputIsAnInternalErrorOrNamesJavaInternals(PackagedServer server) throws Exception {
        TestUser admin = TestUser.admin(server);
        JsonObject paths = server.api().request("GET", "/openapi").header("Accept", "application/json").send()
                .expect(200).object().getJsonObject("paths");
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String template : paths.keySet()) {
            if (template.contains("/plugins/") && !template.startsWith("/api/admin/")) {
                continue;
            }
            JsonObject item = paths.getJsonObject(template);
            for (String method : item.keySet()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                JsonObject op = item.getJsonObject(method);
                boolean read = method.equals("get");
                for (String path : paths(template, op)) {
                    failures.addAll(check(server, method, path, null, null, "{}"));
                    sent++;
                    if (read) {
                        failures.addAll(check(server, method, path, admin.token(), null, null));
                        sent++;
                    }
                }
                String plain = template.replaceAll("\\{[^}]+}", "1");
                for (Map.Entry<String, String> h : BAD_HEADERS) {
                    failures.addAll(check(server, method, plain, null, h, "{\"x\":1}"));
                    sent++;
                    if (read || op.containsKey("requestBody") && h.getKey().equals("Content-Type")) {
                        failures.addAll(check(server, method, plain, admin.token(), h, read ? null : "{\"x\":1}"));
                        sent++;
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " answers leaked or failed:\n"
                + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
    }

    @Test
    void whatTheContainerRefusesItselfIsAProblemDocumentToo(PackagedServer server) throws Exception {
        for (String path : List.of("/api/cities/..%2F..%2Fetc", "/index.html", "/no/such/file.js")) {
            for (String method : List.of("PATCH", "PUT")) {
                HttpResponse<String> r = RAW.send(HttpRequest.newBuilder(URI.create(
                                server.api().base().toString().replaceAll("/$", "") + path))
                        .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                String what = method + " " + path + ": " + r.statusCode() + " " + shorten(r.body());
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                        what);
                assertTrue(!JsonBodies.JAVA_NAME.matcher(r.body()).find(), what);
            }
        }
    }

    /** The operation's path with each bad value in each path parameter, and in each query parameter. */
    private static List<String> paths(String template, JsonObject op) {
        List<String> out = new ArrayList<>();
        String base = template.replaceAll("\\{[^}]+}", "1");
        for (String bad : BAD_VALUES) {
            if (template.contains("{")) {
                out.add(template.replaceAll("\\{[^}]+}", bad));
            }
            for (JsonValue p : op.getJsonArray("parameters") == null ? List.<JsonValue>of()
                    : op.getJsonArray("parameters")) {
                JsonObject param = p.asJsonObject();
                if ("query".equals(param.getString("in", ""))) {
                    out.add(base + "?" + URLEncoder.encode(param.getString("name"), StandardCharsets.UTF_8) + "="
                            + bad);
                }
            }
        }
        return out;
    }

    private static List<String> check(PackagedServer server, String method, String path, String token,
                                      Map.Entry<String, String> header, String body)
            throws IOException, InterruptedException {
        URI uri = URI.create(server.api().base().toString().replaceAll("/$", "") + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method.toUpperCase(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("X-Forwarded-For", TestUser.freshIp());
        if (body != null && (header == null || !header.getKey().equals("Content-Type"))) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (header != null) {
            b.header(header.getKey(), header.getValue());
        }
        HttpResponse<String> r = RAW.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String what = method.toUpperCase() + " " + path + (token == null ? " (anonymous)" : " (admin)")
                + (header == null ? "" : " with " + header.getKey() + ": " + header.getValue());
        List<String> failures = new ArrayList<>();
        if (r.statusCode() >= 500) {
            failures.add(what + ": status " + r.statusCode() + ": " + shorten(r.body()));
        }
        if (JsonBodies.JAVA_NAME.matcher(r.body()).find() || JsonBodies.STACK_FRAME.matcher(r.body()).find()) {
            failures.add(what + ": names Java internals: " + shorten(r.body()));
        }
        return failures;
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
