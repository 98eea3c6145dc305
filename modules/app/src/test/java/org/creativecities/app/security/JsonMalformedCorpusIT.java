package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sends the malformed-body corpus ({@code security/malformed-json.txt}), and a value of the wrong JSON type for
 * each property the document declares, to every operation of the OpenAPI document that takes a JSON body, as an
 * administrator. Each answer must be a 400, 404 or 413 problem document without a Java class name or a stack
 * trace.
 *
 * <p>Plugin routes are left out: their bodies are the plugin's to read, and refusing them is the plugin
 * supervisor's concern.
 */
@ExtendWith(SharedServer.class)
class JsonMalformedCorpusIT {

    private static final Set<String> BODY_METHODS = Set.of("post", "put", "patch");

    /** An operation taking a JSON body: method, concrete path, and the properties its schema declares. */
    record Operation(String method, String path, JsonObject properties) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    @Test
    void everyOperationRefusesEveryMalformedBodyCleanly(PackagedServer server) throws Exception {
        TestUser admin = TestUser.admin(server);
        List<Operation> operations = operations(server.api());
        assertTrue(operations.size() >= 15, "the JSON operations were found: " + operations);
        List<byte[]> corpus = corpus();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Operation op : operations) {
            List<byte[]> bodies = new ArrayList<>(corpus);
            wrongTypes(op.properties()).forEach(b -> bodies.add(b.getBytes(StandardCharsets.UTF_8)));
            sent += sendAll(server, admin, op, bodies, failures, 400, 404, 413);
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " answers were not clean refusals:\n"
                + String.join("\n", failures.subList(0, Math.min(failures.size(), 60))));
    }

    /**
     * Sends each body to the operation, adding to {@code failures} each answer that is not a clean refusal with one
     * of the {@code allowed} statuses; returns how many were sent.
     */
    static int sendAll(PackagedServer server, TestUser admin, Operation op, List<byte[]> bodies,
                       List<String> failures, int... allowed) {
        for (byte[] body : bodies) {
            Answer r = send(server, admin, op, body);
            Optional<String> problem = JsonBodies.unclean(r.status(), r.contentType(), r.body(), allowed);
            if (problem.isPresent()) {
                String shown = new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8);
                String answer = r.body().length() > 300 ? r.body().substring(0, 300) + "..." : r.body();
                failures.add(op + " with " + shown + ": " + problem.get() + ": " + answer);
            }
        }
        return bodies.size();
    }

    /**
     * A body refused after its first bytes (here at the depth limit) leaves the rest unread. Closing the connection
     * over unread bytes makes the kernel reset it, and a client still sending may lose the answer. The server reads
     * the rest of a body within the limit before it closes, so that every answer arrives, to three clients at once.
     */
    @Test
    void theAnswerToABodyRefusedEarlyAlwaysReachesTheClient(PackagedServer server) throws Exception {
        TestUser admin = TestUser.admin(server);
        byte[] deep = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        Operation op = new Operation("post", "/api/works", JsonValue.EMPTY_JSON_OBJECT);
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            Thread client = new Thread(() -> {
                for (int i = 0; i < 300; i++) {
                    try {
                        Answer r = send(server, admin, op, deep);
                        if (r.status() != 400) {
                            failures.add("answered " + r.status() + ": " + r.body());
                        }
                    } catch (java.io.UncheckedIOException e) {
                        failures.add("lost the answer: " + e.getMessage());
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        for (Thread t : clients) {
            t.join();
        }
        assertTrue(failures.isEmpty(), failures.size() + " of 900 answers were lost or wrong: "
                + failures.subList(0, Math.min(5, failures.size())));
    }

    /** Every JSON-body operation of the document, path parameters filled in, plugin routes left out. */
    private static List<Operation> operations(Api api) {
        JsonObject doc = api.request("GET", "/openapi").header("Accept", "application/json").send().expect(200)
                .object();
        JsonObject schemas = doc.containsKey("components") && doc.getJsonObject("components").containsKey("schemas")
                ? doc.getJsonObject("components").getJsonObject("schemas") : JsonValue.EMPTY_JSON_OBJECT;
        List<Operation> found = new ArrayList<>();
        JsonObject paths = doc.getJsonObject("paths");
        for (String path : paths.keySet()) {
            if (path.contains("/plugins/") && !path.startsWith("/api/admin/")) {
                continue;
            }
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.keySet()) {
                if (!BODY_METHODS.contains(method)) {
                    continue;
                }
                JsonObject operation = item.getJsonObject(method);
                JsonObject content = operation.containsKey("requestBody")
                        ? operation.getJsonObject("requestBody").getJsonObject("content") : null;
                if (content == null || !content.containsKey("application/json")) {
                    continue;
                }
                JsonObject schema = content.getJsonObject("application/json").getJsonObject("schema");
                found.add(new Operation(method, path.replaceAll("\\{[^}]+}", "1"), properties(schema, schemas)));
            }
        }
        return found;
    }

    private static JsonObject properties(JsonObject schema, JsonObject schemas) {
        if (schema == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").replaceFirst("^#/components/schemas/", "");
            return schemas.containsKey(name) ? properties(schemas.getJsonObject(name), JsonValue.EMPTY_JSON_OBJECT)
                    : JsonValue.EMPTY_JSON_OBJECT;
        }
        return schema.containsKey("properties") ? schema.getJsonObject("properties") : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** For each declared property, bodies where it has a value of another JSON type. */
    private static Set<String> wrongTypes(JsonObject properties) {
        Set<String> bodies = new LinkedHashSet<>();
        for (String name : properties.keySet()) {
            JsonValue p = properties.get(name);
            String type = p.getValueType() == JsonValue.ValueType.OBJECT
                    ? p.asJsonObject().getString("type", "") : "";
            List<String> wrong = switch (type) {
                case "string" -> List.of("1", "true", "[]", "{}");
                case "boolean" -> List.of("\"maybe\"", "\"true\"", "1", "0");
                case "integer" -> List.of("\"1\"", "1.5", "true", "1e999999", "99999999999999999999999");
                case "number" -> List.of("\"1\"", "true", "1e999999");
                case "array" -> List.of("\"x\"", "1", "{}", "[{\"deep\":[[[[]]]]}]");
                case "object" -> List.of("\"x\"", "1", "[]");
                default -> List.of("[[[]]]", "{\"x\":{}}");
            };
            String key = jakarta.json.Json.createValue(name).toString();
            wrong.forEach(v -> bodies.add("{" + key + ":" + v + "}"));
        }
        return bodies;
    }

    /** An answer as the client read it. */
    record Answer(int status, String contentType, String body) {
    }

    /**
     * Sends one request on a connection of its own, its whole body first, then reads the answer until the server
     * closes: what any plain HTTP/1.1 client does. (The JDK's HttpClient lost about one answer in a thousand to a
     * race of its own when a server answers and closes while the body is still being sent; a socket does not.)
     */
    static Answer send(PackagedServer server, TestUser admin, Operation op, byte[] body) {
        String head = op.method().toUpperCase() + " " + op.path() + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nAccept: application/json\r\nConnection: close\r\n"
                + "Authorization: Bearer " + admin.token() + "\r\nX-Forwarded-For: " + TestUser.freshIp() + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] request = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, request, 0, head.length());
        System.arraycopy(body, 0, request, head.length(), body.length);
        WebRawHttp.Exchange e = WebRawHttp.send(server.port(), request, Duration.ofSeconds(30));
        List<Integer> statuses = e.statuses();
        String text = new String(e.body().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return new Answer(statuses.isEmpty() ? 0 : statuses.get(0),
                e.header("Content-Type") == null ? "" : e.header("Content-Type"), text);
    }

    /** The corpus file, with its generated lines expanded. */
    static List<byte[]> corpus() throws IOException {
        List<byte[]> bodies = new ArrayList<>();
        try (InputStream in = JsonMalformedCorpusIT.class.getResourceAsStream("/security/malformed-json.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                bodies.add(expand(line));
            }
        }
        return bodies;
    }

    private static byte[] expand(String line) {
        if (!line.startsWith("@")) {
            return line.getBytes(StandardCharsets.UTF_8);
        }
        String[] parts = line.split(" ", 2);
        String arg = parts[1];
        String text = switch (parts[0]) {
            case "@DEEP-ARRAY" -> "[".repeat(Integer.parseInt(arg)) + "]".repeat(Integer.parseInt(arg));
            case "@DEEP-OBJECT" -> "{\"a\":".repeat(Integer.parseInt(arg)) + "1" + "}".repeat(Integer.parseInt(arg));
            case "@LONG-NUMBER" -> "{\"a\":" + "9".repeat(Integer.parseInt(arg)) + "}";
            case "@LONG-KEY" -> "{\"" + "k".repeat(Integer.parseInt(arg)) + "\":1}";
            case "@RAW-BYTES" -> null;
            default -> throw new IllegalArgumentException("unknown generator " + parts[0]);
        };
        return text != null ? text.getBytes(StandardCharsets.UTF_8) : HexFormat.of().parseHex(arg.replace(" ", ""));
    }
}
