package org.creativecities.core.platform.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B settings for the API's responses: nulls are left out. Request bodies of ours are read by
 * {@link StrictJsonReader}, not by JSON-B; for any other body JSON-B reads, a property the type does not
 * know is refused (a typo must not be silently ignored).
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
