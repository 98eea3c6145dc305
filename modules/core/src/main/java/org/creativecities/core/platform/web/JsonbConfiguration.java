package org.creativecities.core.platform.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B settings for the API: a body with a property the operation does not know is refused (a typo
 * must not be silently ignored), and nulls are left out of responses.
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    /** The one configured instance: JAX-RS uses it, and so do bodies serialised ahead (JsonRepresentation). */
    static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withNullValues(false)
            .setProperty("jsonb.fail-on-unknown-properties", true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
