package org.creativecities.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.creativecities.app.testkit.Api;

/**
 * The server's own OpenAPI document, as the contract the API tests hold it to: its operations, the schemas of
 * their bodies, and a check of an answer against what the operation documents (status, media type, JSON Schema).
 */
final class ApiDocument {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** A Java class name as it leaks in messages: a package path of two or more lower-case parts and a class. */
    static final Pattern JAVA_CLASS = Pattern.compile(
            "\\b(?:java|javax|jakarta|org|com|net|fish|io|sun)\\.[a-z0-9_]+(?:\\.[a-z0-9_]+)*\\.[A-Z][A-Za-z0-9_$]*"
                    + "|\\bat [a-z][\\w.$]+\\([A-Za-z0-9_]+\\.java:\\d+\\)|\\b[A-Z]\\w+(?:Exception|Error)\\b"
                    + "|\\$[A-Z][A-Za-z]+\\b");

    private final String text;
    private final JsonNode root;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private ApiDocument(String text) {
        this.text = text;
        try {
            this.root = JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document the server publishes at {@code /openapi}, as JSON. */
    static ApiDocument of(Api api) {
        return new ApiDocument(api.request("GET", "/openapi").header("Accept", "application/json").send().expect(200)
                .body());
    }

    String text() {
        return text;
    }

    JsonNode root() {
        return root;
    }

    /**
     * The operations the API tests drive, in document order: every operation but the running plugins' own routes
     * ({@link Operation#isPluginOwn()}). Those are served by the same dispatcher as the generic plugin-route
     * operations, which are driven; driving each plugin's code with every role and fuzzed input would count its
     * refusals and failures against the plugin and switch it off for the tests that follow.
     */
    List<Operation> operations() {
        return allOperations().stream().filter(op -> !op.isPluginOwn()).toList();
    }

    /** Every operation, the running plugins' own routes included, in document order. */
    List<Operation> allOperations() {
        List<Operation> all = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
            if (METHODS.contains(m.getKey())) {
                all.add(new Operation(m.getKey().toUpperCase(), path.getKey(), m.getValue(), path.getValue()));
            }
        }));
        return all;
    }

    /** Follows a {@code $ref} to a component schema, or returns the schema itself. */
    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s != null && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = root.at(ref.substring(1));
        }
        return s == null ? JSON.createObjectNode() : s;
    }

    /**
     * What is wrong with an answer to an operation, by the document: an undocumented status, a body of another
     * media type, or a body that does not match the schema. Empty when the answer is as documented.
     */
    List<String> check(Operation op, Api.Response response) {
        List<String> problems = new ArrayList<>();
        String code = String.valueOf(response.status());
        JsonNode documented = op.node().path("responses").get(code);
        if (documented == null) {
            documented = op.node().path("responses").get("default");
        }
        if (documented == null) {
            problems.add("status " + code + " is not documented");
            return problems;
        }
        JsonNode content = documented.path("content");
        if (content.isMissingNode() || content.isEmpty() || response.body().isEmpty()) {
            return problems;
        }
        String type = response.header("Content-Type").orElse("").split(";")[0].trim();
        String mediaType = content.has(type) ? type : content.has("*/*") ? "*/*" : null;
        if (mediaType == null) {
            problems.add("status " + code + " came as '" + type + "', documented: " + fieldNames(content));
            return problems;
        }
        JsonNode schema = content.path(mediaType).path("schema");
        if (!schema.isMissingNode() && type.endsWith("json")) {
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException e) {
                problems.add("status " + code + ": the body is not JSON");
                return problems;
            }
            String pointer = "/paths/" + escape(op.path()) + "/" + op.method().toLowerCase() + "/responses/"
                    + (op.node().path("responses").has(code) ? code : "default") + "/content/" + escape(mediaType)
                    + "/schema";
            for (ValidationMessage m : schema(pointer).validate(body)) {
                problems.add("status " + code + ": " + m.getMessage());
            }
        }
        return problems;
    }

    /** Validates a value against the schema at a JSON pointer of the document. */
    Set<ValidationMessage> validate(String pointer, JsonNode value) {
        return schema(pointer).validate(value);
    }

    private JsonSchema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> {
            ObjectNode standalone = root.at(p).deepCopy();
            standalone.set("components", root.path("components"));
            return factory.getSchema(standalone);
        });
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names.toString();
    }

    /**
     * One operation.
     *
     * @param method upper-case HTTP method
     * @param path   the templated path
     * @param node   the operation object
     * @param item   the path item (for path-level parameters)
     */
    record Operation(String method, String path, JsonNode node, JsonNode item) {

        String id() {
            return node.path("operationId").asText();
        }

        boolean secured() {
            return node.has("security") && !node.get("security").isEmpty();
        }

        /** A plugin route: the generic {@code /api/plugins/{pluginId}/…} paths and each plugin's own. */
        boolean isPluginRoute() {
            return path.startsWith("/api/plugins/");
        }

        /** One of a running plugin's own routes, which the document marks with the plugin's id. */
        boolean isPluginOwn() {
            return isPluginRoute() && node.has("x-ccc-plugin");
        }

        /** Path and query parameters, the path item's and the operation's. */
        List<JsonNode> parameters() {
            List<JsonNode> all = new ArrayList<>();
            item.path("parameters").forEach(all::add);
            node.path("parameters").forEach(all::add);
            return all;
        }

        /** The JSON schema of the request body, if the body is JSON. */
        Optional<JsonNode> jsonBody() {
            JsonNode schema = node.path("requestBody").path("content").path("application/json").path("schema");
            return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
        }

        boolean takesBody() {
            return node.has("requestBody");
        }

        boolean documents(int status) {
            return node.path("responses").has(String.valueOf(status));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
