package org.creativecities.plugin.api.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request routed to a plugin. Immutable.
 *
 * @param method     the HTTP method, upper case
 * @param path       the path after the plugin's prefix, always starting with {@code /} (e.g. {@code /screenings/7})
 * @param query      the query parameters, decoded
 * @param headers    the request headers, names in lower case; {@code authorization} and {@code cookie} are
 *                   never passed on
 * @param body       the raw body, empty if none
 * @param citySlug   the city of a city-scoped request ({@code /api/plugins/{id}/cities/{slug}/...})
 * @param caller     the signed-in caller, if any
 * @param pathParams the values of {@code {name}} segments, filled in by {@link Routes}
 */
public record HttpRequest(String method, String path, Map<String, List<String>> query,
                          Map<String, List<String>> headers, byte[] body, Optional<String> citySlug,
                          Optional<RequestCaller> caller, Map<String, String> pathParams) {

    public HttpRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
        pathParams = Map.copyOf(pathParams);
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a header (any case). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A path parameter matched by {@link Routes}. */
    public Optional<String> pathParam(String name) {
        return Optional.ofNullable(pathParams.get(name));
    }

    /** The same request with these path parameters. */
    public HttpRequest withPathParams(Map<String, String> params) {
        return new HttpRequest(method, path, query, headers, body, citySlug, caller, params);
    }
}
