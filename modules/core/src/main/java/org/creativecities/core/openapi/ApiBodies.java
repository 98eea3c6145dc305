package org.creativecities.core.openapi;

import java.util.List;
import java.util.Map;

/**
 * Extension point: the request and response bodies of a context beside the core (works, media, search), so that
 * the OpenAPI document describes them as it describes the core's ({@link RecordSchemas}). The core cannot name
 * those classes, so a context lists them here and registers its implementation as a Java service
 * ({@code META-INF/services/org.creativecities.core.openapi.ApiBodies}): the document is completed by an OpenAPI
 * filter that runs outside CDI. Resources refer to the schemas by name in {@code @Schema(ref = ...)}, and to lists
 * and pages of them as {@code <Name>List} and {@code <Name>Page}.
 */
public interface ApiBodies {

    /** Classes whose nested records are bodies, each schema named after its record's simple name. */
    default List<Class<?>> holders() {
        return List.of();
    }

    /** Records declared on their own, by schema name. */
    default Map<String, Class<?>> records() {
        return Map.of();
    }
}
