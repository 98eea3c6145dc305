package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Path tricks (encoded slashes and dots, overlong UTF-8, NUL, empty segments, session ids, a 10,000-character path)
 * with every method the API serves, over a raw socket as a visitor: every answer is a problem document with a
 * sensible 4xx (never 501, never an empty body, never a page), and the connection stays in step: a request
 * pipelined after the trick is either answered normally or never read because the connection was closed.
 * Paths: {@code security/web2-path-tricks.txt}.
 */
@ExtendWith(SharedServer.class)
class Web2PathTricksIT {

    private static final Set<Integer> SENSIBLE = Set.of(400, 401, 403, 404, 405, 413, 414);
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "DELETE+body");
    private static final String LONG = "a".repeat(10_000);
    private static final Duration QUIET = Duration.ofSeconds(5);

    static Stream<Arguments> tricks() {
        List<Arguments> out = new ArrayList<>();
        for (String line : WebDesyncIT.resource("security/web2-path-tricks.txt").split("\n")) {
            String path = line.trim();
            if (path.isEmpty() || path.startsWith("#")) {
                continue;
            }
            for (String method : METHODS) {
                out.add(Arguments.of(method, path));
            }
        }
        return out.stream();
    }

    /** Who answers a path of the data file: the application, the container before it, or a known gap. */
    private enum Layer { APPLICATION, CONTAINER, GAP }

    private static Layer layer(String line) {
        return line.startsWith("container: ") ? Layer.CONTAINER : line.startsWith("gap: ") ? Layer.GAP
                : Layer.APPLICATION;
    }

    private static String path(String line) {
        return line.replaceFirst("^(container|gap): ", "");
    }

    /** The trick's request, followed on the same connection by a plain request that closes it. */
    private static String exchange(String method, String path) {
        String verb = method.replace("+body", "");
        boolean body = !verb.equals("GET") && (!verb.equals("DELETE") || method.endsWith("+body"));
        StringBuilder request = new StringBuilder(verb).append(' ').append(path.replace("{LONG}", LONG))
                .append(" HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: ").append(TestUser.freshIp()).append("\r\n");
        if (body) {
            request.append("Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        } else {
            request.append("\r\n");
        }
        return request.append("GET /api/fields HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").toString();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tricks")
    void everyAnswerIsASensibleProblemAndTheConnectionStaysInStep(String method, String line, PackagedServer server) {
        String path = path(line);
        String what = method + " " + (path.length() > 80 ? path.substring(0, 80) + "…" : path);
        WebRawHttp.Exchange e = WebRawHttp.send(server.port(),
                exchange(method, path).getBytes(StandardCharsets.ISO_8859_1), QUIET);
        List<Integer> statuses = e.statuses();
        assertFalse(statuses.isEmpty(), what + ": no answer at all:\n" + e.text());
        int status = statuses.get(0);
        assertTrue(status < 500, what + ": answered " + status + ":\n" + head(e.text()));
        assertTrue(statuses.equals(List.of(status)) && e.closedByServer()
                        || statuses.equals(List.of(status, 200)),
                what + ": out of step, answers " + statuses + ":\n" + head(e.text()));
        if (layer(line) == Layer.GAP) {
            return;
        }
        assertTrue(SENSIBLE.contains(status), what + ": answered " + status + ":\n" + head(e.text()));
        if (layer(line) == Layer.CONTAINER && !isProblem(e)) {
            return;
        }
        assertTrue(isProblem(e), what + ": not a problem document:\n" + head(e.text()));
        JsonObject problem = firstBody(e);
        assertEquals(status, problem.getInt("status"), what + ":\n" + head(e.text()));
        assertFalse(problem.toString().contains("Exception"), what + ": names no Java class:\n" + problem);
    }

    private static boolean isProblem(WebRawHttp.Exchange e) {
        String type = e.header("Content-Type");
        return type != null && type.startsWith("application/problem+json");
    }

    static Stream<Arguments> staticFilesWritten() {
        List<Arguments> out = new ArrayList<>();
        for (String path : List.of("/ui/index.html", "/index.html", "/cities/lyon", "/webjars/nosuch.js",
                "/nosuch.txt")) {
            for (String method : List.of("PUT", "PATCH", "DELETE", "DELETE+body")) {
                out.add(Arguments.of(method, path));
            }
        }
        return out.stream();
    }

    /** Static files and the UI's page addresses take no writes: 403, 404 or 405, a problem, never a 501. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("staticFilesWritten")
    void writesToStaticFilesAreRefusedAsProblems(String method, String path, PackagedServer server) {
        WebRawHttp.Exchange e = WebRawHttp.send(server.port(),
                exchange(method, path).getBytes(StandardCharsets.ISO_8859_1), QUIET);
        int status = e.statuses().isEmpty() ? -1 : e.statuses().get(0);
        assertTrue(status == 403 || status == 404 || status == 405, method + " " + path + ": answered " + status
                + ":\n" + e.text());
        assertTrue(isProblem(e), method + " " + path + ": not a problem document:\n" + e.text());
        assertEquals(status, firstBody(e).getInt("status"), method + " " + path + ":\n" + e.text());
    }

    /** The first response's body as JSON: its Content-Length bytes, or up to the next status line. */
    private static JsonObject firstBody(WebRawHttp.Exchange e) {
        String body = e.body();
        String length = e.header("Content-Length");
        if (length != null && Integer.parseInt(length.trim()) <= body.length()) {
            body = body.substring(0, Integer.parseInt(length.trim()));
        } else if ("chunked".equalsIgnoreCase(String.valueOf(e.header("Transfer-Encoding")).trim())) {
            body = dechunked(body);
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException notJson) {
            throw new AssertionError("not a JSON problem: " + head(e.text()), notJson);
        }
    }

    /** The body of a chunked message (the first one of {@code text}). */
    private static String dechunked(String text) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int end = text.indexOf("\r\n", at);
            int size = end < 0 ? 0 : Integer.parseInt(text.substring(at, end).replaceFirst(";.*", "").trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(text, end + 2, end + 2 + size);
            at = end + 2 + size + 2;
        }
    }

    private static String head(String text) {
        return text.length() > 3000 ? text.substring(0, 3000) + "…" : text;
    }
}
