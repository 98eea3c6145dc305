package org.creativecities.core.platform.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

/**
 * The JSON-B instance for the bodies the core serialises itself ({@link JsonRepresentation}, the container's error
 * pages): nulls are left out, as JSON-B's defaults do for everything JAX-RS writes.
 *
 * <p>It is deliberately not a JAX-RS {@code ContextResolver}. Payara's own JSON-B resolver wraps any resolver class the
 * application registers and instantiates it lazily, without a lock, on the first answers: right after a start,
 * concurrent first answers failed with a {@code ConcurrentModificationException} (a 500). Request bodies are never
 * read by JSON-B ({@link StrictJsonReader} reads every record and JSON-P body, with no unknown properties), so
 * JAX-RS needs no configuration of JSON-B of ours.
 */
final class JsonbConfiguration {

    /** The one configured instance. */
    static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withNullValues(false)
            .setProperty("jsonb.fail-on-unknown-properties", true));

    private JsonbConfiguration() {
    }
}
