package org.creativecities.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.creativecities.app.security.ApiWorld.Role;
import org.creativecities.app.testkit.Api;

/**
 * Builds requests from the document: the path with its parameters filled in from the {@link ApiWorld}, and a
 * valid body from the operation's schema (values that the schema accepts, with known good values for the
 * properties whose meaning a schema cannot say, such as a country code or an existing field).
 */
final class ApiRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Good values by property name, where the schema alone does not give one the server would accept. */
    private static final Map<String, Object> KNOWN = Map.ofEntries(
            Map.entry("countryCode", "FR"), Map.entry("countryName", "France"), Map.entry("field", "film"),
            Map.entry("year", 2021), Map.entry("website", "https://example.org"),
            Map.entry("joinPolicy", "OPEN"), Map.entry("visibility", "PUBLIC"), Map.entry("kind", "discussion"),
            Map.entry("role", "MEMBER"), Map.entry("action", "MUTE"), Map.entry("minutes", 5),
            Map.entry("latitude", 45.5), Map.entry("longitude", 4.5), Map.entry("networkWide", true),
            Map.entry("admin", false), Map.entry("password", "a perfectly long passphrase"),
            Map.entry("homeCity", ""), Map.entry("since", 2004), Map.entry("slowModeSeconds", 0),
            Map.entry("archived", false), Map.entry("locked", false), Map.entry("retired", false),
            Map.entry("wholeSpace", false));

    private final ApiWorld world;
    private final ApiWorld.Targets targets;

    ApiRequests(ApiWorld world, ApiWorld.Targets targets) {
        this.world = world;
        this.targets = targets;
    }

    /** The operation's path, its parameters filled in for the role (query parameters left to the caller). */
    String path(ApiDocument.Operation op, Role role) {
        String path = op.path();
        String p = path.replace("{slug}", path.startsWith("/api/fields") || path.startsWith("/feeds/fields")
                ? "film" : targets.city())
                .replace("{citySlug}", targets.city())
                .replace("{pluginId}", "film")
                .replace("{route}", "no-such-route")
                .replace("{accountId}", String.valueOf(targets.target().id()))
                .replace("{sanctionId}", "987654")
                .replace("{n}", "1");
        if (path.startsWith("/api/spaces/")) {
            p = p.replace("{id}", String.valueOf(targets.space()));
        } else if (path.startsWith("/api/rooms/")) {
            p = p.replace("{id}", String.valueOf(targets.room()));
        } else if (path.startsWith("/api/people/")) {
            p = p.replace("{id}", String.valueOf(role == Role.VISITOR || role == Role.REVOKED
                    ? targets.target().id() : world.user(role).id()));
        } else if (path.startsWith("/api/admin/accounts/")) {
            p = p.replace("{id}", String.valueOf(targets.target().id()));
        } else if (path.startsWith("/api/admin/plugins/")) {
            p = p.replace("{id}", op.method().equals("DELETE") ? "no-such-plugin" : "film");
        } else {
            p = p.replace("{id}", "987654");
        }
        return p;
    }

    /** A body the schema accepts, or none if the operation takes none; a jar-less upload is an empty file. */
    Object body(ApiDocument.Operation op) {
        if (!op.takesBody()) {
            return null;
        }
        return op.jsonBody().map(s -> valid(s, "", 0).toString()).orElse("");
    }

    /**
     * Sends the request as the role. Signing out (here or everywhere) is done by someone signed in for the
     * purpose, so that the role's own session lives on.
     */
    Api.Response send(Role role, String method, String path, Object body, String contentType) {
        boolean endsSessions = method.equals("DELETE") && path.startsWith("/api/sessions")
                && role != Role.VISITOR && role != Role.REVOKED;
        Api client = endsSessions ? world.throwaway() : world.client(role);
        Api.Request r = client.request(method, path).header("X-Forwarded-For", world.ip(role));
        if (body != null) {
            r.header("Content-Type", contentType).body(body);
        }
        return r.send();
    }

    /** The media type an operation's body is sent as. */
    static String contentType(ApiDocument.Operation op) {
        JsonNode content = op.node().path("requestBody").path("content");
        if (content.has("application/json")) {
            return "application/json";
        }
        return content.has("application/octet-stream") ? "application/octet-stream" : "application/octet-stream";
    }

    /** A valid value for a schema; {@code name} is the property's name, for known values. */
    JsonNode valid(JsonNode schemaOrRef, String name, int depth) {
        JsonNode schema = world.document.resolve(schemaOrRef);
        if (name.equals("city")) {
            return NODES.textNode(targets.city());
        }
        if (name.equals("accountId")) {
            return NODES.numberNode(targets.target().id());
        }
        if (KNOWN.containsKey(name)) {
            return ApiDocument.JSON.valueToTree(KNOWN.get(name));
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        switch (schema.path("type").asText("object")) {
            case "string":
                return NODES.textNode(text(schema, name));
            case "integer":
                return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            case "number":
                return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() : 1.5);
            case "boolean":
                return NODES.booleanNode(false);
            case "array": {
                ArrayNode a = NODES.arrayNode();
                if (schema.path("minItems").asInt(0) > 0 && depth < 4) {
                    a.add(valid(schema.path("items"), name, depth + 1));
                }
                return a;
            }
            default: {
                ObjectNode o = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(p ->
                            o.set(p.getKey(), valid(p.getValue(), p.getKey(), depth + 1)));
                }
                return o;
            }
        }
    }

    private static String text(JsonNode schema, String name) {
        if ("email".equals(schema.path("format").asText()) || name.equals("email")) {
            return "contract." + ApiWorld.next() + "." + System.nanoTime() + "@example.org";
        }
        if (name.equals("slug")) {
            return "contract-" + ApiWorld.next() + "-" + Long.toString(System.nanoTime(), 36);
        }
        String base = name.isEmpty() ? "value" : name;
        String value = base + " " + ApiWorld.next();
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        while (value.length() < min) {
            value = value + "x";
        }
        return value.length() > max ? value.substring(0, max) : value;
    }
}
