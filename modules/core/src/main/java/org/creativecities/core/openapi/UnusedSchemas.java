package org.creativecities.core.openapi;

import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Drops the component schemas that no operation refers to, directly or through other schemas. Payara's scanner
 * describes every class it meets, services and plugin managers included; those names are internals and have no
 * place in a public contract.
 */
final class UnusedSchemas {

    private static final String PREFIX = "#/components/schemas/";

    private UnusedSchemas() {
    }

    static void remove(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Deque<Schema> todo = new LinkedList<>(); // takes nulls: absent parts of a schema are skipped below
        Operations.each(openAPI, (path, method, operation) -> {
            if (operation.getRequestBody() != null) {
                add(operation.getRequestBody().getContent(), todo);
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(r -> add(r.getContent(), todo));
            }
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> todo.add(p.getSchema()));
            }
        });
        Set<String> used = new HashSet<>();
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (schema == null) {
                continue;
            }
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(PREFIX) && used.add(ref.substring(PREFIX.length()))) {
                todo.add(components.get(ref.substring(PREFIX.length())));
            }
            if (schema.getProperties() != null) {
                todo.addAll(schema.getProperties().values());
            }
            todo.add(schema.getItems());
            todo.add(schema.getAdditionalPropertiesSchema());
            todo.add(schema.getNot());
            Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(Objects::nonNull)
                    .forEach(todo::addAll);
        }
        for (String name : Set.copyOf(components.keySet())) {
            if (!used.contains(name)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
    }

    private static void add(Content content, Deque<Schema> todo) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> todo.add(m.getSchema()));
        }
    }
}
