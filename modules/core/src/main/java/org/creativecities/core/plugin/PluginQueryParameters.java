package org.creativecities.core.plugin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plugin routes take whatever query parameters the plugin defines, which the core's strict check of
 * declared query parameters ({@code platform.web.StrictQueryParameters}) would refuse. Before matching, this
 * filter hides the query of {@code /api/plugins/**} requests from JAX-RS; the {@link PluginDispatcher} reads it
 * from the servlet request instead ({@link #parse}). Other paths are untouched.
 */
@Provider
@PreMatching
public class PluginQueryParameters implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        if (uri.getRawQuery() != null && request.getUriInfo().getPath().startsWith("plugins/")) {
            request.setRequestUri(request.getUriInfo().getBaseUri(), UriBuilder.fromUri(uri).replaceQuery(null).build());
        }
    }

    /** Decodes a raw query string ({@code a=1&b=x%20y&a=2}) into names and their values, in order. */
    static Map<String, List<String>> parse(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
