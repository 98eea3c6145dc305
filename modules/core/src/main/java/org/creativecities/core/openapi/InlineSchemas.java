package org.creativecities.core.openapi;

import java.util.LinkedList;
import java.util.Objects;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Removes the defaults Payara writes into schemas built from {@code @Schema} annotations: {@code maxProperties: 0}
 * (which would allow only an empty object), and {@code false} or {@code 0} for every other keyword.
 */
final class InlineSchemas {

    private InlineSchemas() {
    }

    static void clean(OpenAPI openAPI) {
        LinkedList<Schema> todo = new LinkedList<>(); // takes nulls: absent parts are skipped below
        Operations.each(openAPI, (path, method, operation) -> {
            if (operation.getRequestBody() != null) {
                add(operation.getRequestBody().getContent(), todo);
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(r -> add(r.getContent(), todo));
            }
        });
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (s == null) {
                continue;
            }
            if (Integer.valueOf(0).equals(s.getMaxProperties())) {
                s.setMaxProperties(null);
            }
            if (Integer.valueOf(0).equals(s.getMinProperties())) {
                s.setMinProperties(null);
            }
            if (Integer.valueOf(0).equals(s.getMinLength())) {
                s.setMinLength(null);
            }
            s.setExclusiveMaximum(trueOrNull(s.getExclusiveMaximum()));
            s.setExclusiveMinimum(trueOrNull(s.getExclusiveMinimum()));
            s.setUniqueItems(trueOrNull(s.getUniqueItems()));
            s.setNullable(trueOrNull(s.getNullable()));
            s.setReadOnly(trueOrNull(s.getReadOnly()));
            s.setWriteOnly(trueOrNull(s.getWriteOnly()));
            s.setDeprecated(trueOrNull(s.getDeprecated()));
            if (s.getProperties() != null) {
                todo.addAll(s.getProperties().values());
            }
            todo.add(s.getItems());
            Stream.of(s.getAllOf(), s.getAnyOf(), s.getOneOf()).filter(Objects::nonNull).forEach(todo::addAll);
        }
    }

    private static Boolean trueOrNull(Boolean value) {
        return Boolean.TRUE.equals(value) ? Boolean.TRUE : null;
    }

    private static void add(Content content, LinkedList<Schema> todo) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> todo.add(m.getSchema()));
        }
    }
}
