package org.creativecities.core.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/** Walks every operation of a document. */
final class Operations {

    /** What to do with one operation. */
    @FunctionalInterface
    interface Visitor {
        void visit(String path, PathItem.HttpMethod method, Operation operation);
    }

    private Operations() {
    }

    static void each(OpenAPI openAPI, Visitor visitor) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() != null) {
                item.getOperations().forEach((method, operation) -> visitor.visit(path, method, operation));
            }
        });
    }
}
