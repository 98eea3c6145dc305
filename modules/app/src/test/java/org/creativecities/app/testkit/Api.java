package org.creativecities.app.testkit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A small JSON-over-HTTP client for the integration tests, over {@link HttpClient} (HTTP/1.1).
 *
 * <pre>{@code
 * Api api = server.api();
 * JsonObject city = api.post("/api/cities", Api.json("name", "Lyon", "country", "FR")).expect(201).object();
 * api.withToken(token).delete("/api/cities/" + city.getString("id")).expect(204);
 * api.request("GET", "/api/cities").header("Origin", "http://localhost:" + port).send().expect(200);
 * }</pre>
 *
 * Bodies may be a {@link JsonValue}, a {@code String} (sent as it is) or {@code null} (no body). Immutable.
 */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final URI base;
    private final String token;

    public Api(URI base) {
        this(base, null);
    }

    private Api(URI base, String token) {
        this.base = Objects.requireNonNull(base);
        this.token = token;
    }

    /** The same client, sending {@code Authorization: Bearer <token>} (or no header for {@code null}). */
    public Api withToken(String token) {
        return new Api(base, token);
    }

    public URI base() {
        return base;
    }

    /** The absolute URI of a path such as {@code /api/cities?page=2}. */
    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path : "/" + path);
    }

    public Response get(String path) {
        return request("GET", path).send();
    }

    public Response delete(String path) {
        return request("DELETE", path).send();
    }

    public Response post(String path, Object body) {
        return request("POST", path).body(body).send();
    }

    public Response put(String path, Object body) {
        return request("PUT", path).body(body).send();
    }

    public Response patch(String path, Object body) {
        return request("PATCH", path).body(body).send();
    }

    /** A request to adjust (headers, content type) before {@link Request#send()}. */
    public Request request(String method, String path) {
        return new Request(method, uri(path));
    }

    /**
     * A JSON object from alternating names and values: {@code json("name", "Lyon", "members", 3, "tags", List.of("a"))}.
     * Values may be {@code null}, strings, numbers, booleans, {@link JsonValue}s, maps and collections of these.
     */
    public static JsonObject json(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("json(...) needs name/value pairs: " + Arrays.toString(namesAndValues));
        }
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add((String) namesAndValues[i], toJson(namesAndValues[i + 1]));
        }
        return b.build();
    }

    /** Parses JSON text. */
    public static JsonValue parse(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readValue();
        }
    }

    private static JsonValue toJson(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        } else if (v instanceof JsonValue j) {
            return j;
        } else if (v instanceof String s) {
            return Json.createValue(s);
        } else if (v instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return Json.createValue(((Number) v).longValue());
        } else if (v instanceof BigInteger bi) {
            return Json.createValue(bi);
        } else if (v instanceof BigDecimal bd) {
            return Json.createValue(bd);
        } else if (v instanceof Number n) {
            return Json.createValue(n.doubleValue());
        } else if (v instanceof Map<?, ?> map) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            map.forEach((k, value) -> b.add(String.valueOf(k), toJson(value)));
            return b.build();
        } else if (v instanceof Collection<?> c) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            c.forEach(e -> b.add(toJson(e)));
            return b.build();
        } else if (v instanceof Enum<?> e) {
            return Json.createValue(e.name());
        }
        return Json.createValue(v.toString());
    }

    /** One request being built. */
    public final class Request {
        private final String method;
        private final URI uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private Duration timeout = Duration.ofSeconds(30);

        private Request(String method, URI uri) {
            this.method = method;
            this.uri = uri;
            headers.put("Accept", "application/json");
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
        }

        /** Sets (or, with {@code null}, removes) a header. */
        public Request header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        /** A JSON body ({@link JsonValue}), raw text ({@code String}), or none ({@code null}). */
        public Request body(Object body) {
            if (body == null) {
                this.body = null;
                return this;
            }
            this.body = body instanceof String s ? s : toJson(body).toString();
            headers.putIfAbsent("Content-Type", "application/json");
            return this;
        }

        public Request timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Response send() {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).method(method, publisher);
            headers.forEach(b::header);
            try {
                HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(method, uri, r.statusCode(), r.headers(), r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + uri + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(method + " " + uri + " interrupted", e);
            }
        }
    }

    /** A response: status, headers, the body as text and, on demand, as JSON. */
    public static final class Response {
        private final String method;
        private final URI uri;
        private final int status;
        private final HttpHeaders headers;
        private final String body;

        Response(String method, URI uri, int status, HttpHeaders headers, String body) {
            this.method = method;
            this.uri = uri;
            this.status = status;
            this.headers = headers;
            this.body = body == null ? "" : body;
        }

        public int status() {
            return status;
        }

        public HttpHeaders headers() {
            return headers;
        }

        /** The first value of a header (case-insensitive name). */
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String body() {
            return body;
        }

        /** The body parsed as JSON; fails with the body in the message if it is not JSON. */
        public JsonValue json() {
            try {
                return parse(body);
            } catch (JsonParsingException e) {
                throw new AssertionError(describe() + " is not JSON: " + e.getMessage(), e);
            }
        }

        public JsonObject object() {
            JsonValue v = json();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new AssertionError(describe() + " is not a JSON object");
            }
            return v.asJsonObject();
        }

        public JsonArray array() {
            JsonValue v = json();
            if (v.getValueType() != JsonValue.ValueType.ARRAY) {
                throw new AssertionError(describe() + " is not a JSON array");
            }
            return v.asJsonArray();
        }

        /** Asserts the status is one of {@code expected}; the failure shows the request and the body. */
        public Response expect(int... expected) {
            for (int e : expected) {
                if (status == e) {
                    return this;
                }
            }
            throw new AssertionError("expected status " + Arrays.stream(expected).mapToObj(String::valueOf)
                    .collect(Collectors.joining(" or ")) + " but got " + describe());
        }

        private String describe() {
            String shown = body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
            return status + " for " + method + " " + uri + ": " + shown;
        }

        @Override
        public String toString() {
            return describe();
        }

        /** The header names, lower-cased, for assertions on what is (not) sent. */
        public List<String> headerNames() {
            return List.copyOf(headers.map().keySet());
        }
    }
}
