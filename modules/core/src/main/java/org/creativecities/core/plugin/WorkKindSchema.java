package org.creativecities.core.plugin;

import dev.harrel.jsonschema.Error;
import dev.harrel.jsonschema.JsonSchemaException;
import dev.harrel.jsonschema.Validator;
import dev.harrel.jsonschema.ValidatorFactory;
import dev.harrel.jsonschema.providers.JakartaJsonNode;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The JSON Schema of one plugin work kind (API 1.3), read from the plugin's jar and compiled once. Only the
 * dialect's own meta-schemas resolve: the library's default resolver knows nothing else, so a {@code $ref} to
 * another document is an unusable schema, never a fetch.
 */
final class WorkKindSchema {

    /** The largest schema file read from a jar. */
    static final int MAX_BYTES = 64 * 1024;

    /** The most reasons given for one refused content. */
    static final int MAX_VIOLATIONS = 20;

    private final JsonObject schema;
    private final Validator validator;
    private final URI uri;

    private WorkKindSchema(JsonObject schema, Validator validator, URI uri) {
        this.schema = schema;
        this.validator = validator;
        this.uri = uri;
    }

    /**
     * Reads and compiles the schema at {@code path} in {@code jar}.
     *
     * @throws InvalidWorkKindSchema when it is missing, too large, not a JSON object or not a valid schema
     */
    static WorkKindSchema read(Path jar, String path, String qualifiedKind) {
        String text;
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry(path);
            if (entry == null || entry.isDirectory()) {
                throw new InvalidWorkKindSchema("schema '" + path + "' is not in the jar");
            }
            try (InputStream in = file.getInputStream(entry)) {
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new InvalidWorkKindSchema("schema '" + path + "' is larger than " + MAX_BYTES + " bytes");
                }
                text = new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new InvalidWorkKindSchema("schema '" + path + "' cannot be read from the jar");
        }
        return compile(text, path, qualifiedKind);
    }

    /** Compiles a schema given as text; {@code path} names it in the reasons. */
    static WorkKindSchema compile(String text, String path, String qualifiedKind) {
        JsonObject schema;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                throw new InvalidWorkKindSchema("schema '" + path + "' is not a JSON object");
            }
            schema = object;
        } catch (JsonException e) {
            throw new InvalidWorkKindSchema("schema '" + path + "' is not well-formed JSON");
        }
        Validator validator = new ValidatorFactory().withJsonNodeFactory(new JakartaJsonNode.Factory())
                .createValidator();
        URI uri = URI.create("urn:ccc:work-kind:" + qualifiedKind.replace(':', '/'));
        try {
            validator.registerSchema(uri, schema);
            validator.validate(uri, JsonValue.EMPTY_JSON_OBJECT);
        } catch (JsonSchemaException e) {
            throw new InvalidWorkKindSchema("schema '" + path + "' is not a valid JSON Schema: " + reason(e));
        }
        return new WorkKindSchema(schema, validator, uri);
    }

    /** The schema as the plugin wrote it. */
    JsonObject schema() {
        return schema;
    }

    /**
     * Checks a content against the schema: the reasons it does not conform (at most {@link #MAX_VIOLATIONS}),
     * each with the JSON Pointer of the offending part; empty when it conforms.
     */
    List<PluginWorkKinds.Violation> check(JsonValue content) {
        List<Error> errors;
        synchronized (validator) {
            Validator.Result result = validator.validate(uri, content);
            if (result.isValid()) {
                return List.of();
            }
            errors = result.getErrors();
        }
        return errors.stream().limit(MAX_VIOLATIONS)
                .map(e -> new PluginWorkKinds.Violation(e.getInstanceLocation(), e.getError())).toList();
    }

    private static String reason(JsonSchemaException e) {
        if (e instanceof dev.harrel.jsonschema.InvalidSchemaException invalid && !invalid.getErrors().isEmpty()) {
            Error first = invalid.getErrors().get(0);
            return first.getError() + " (at " + (first.getInstanceLocation().isEmpty() ? "/"
                    : first.getInstanceLocation()) + ")";
        }
        return e.getMessage();
    }

    /** A schema that cannot be used; its message says why, for the plugin's start failure. */
    static final class InvalidWorkKindSchema extends RuntimeException {

        private static final long serialVersionUID = 1L;

        InvalidWorkKindSchema(String message) {
            super(message, null, false, false);
        }
    }
}
