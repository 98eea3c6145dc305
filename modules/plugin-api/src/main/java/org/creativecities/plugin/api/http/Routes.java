package org.creativecities.plugin.api.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A small router: matches a request's method and path against templates such as
 * {@code /screenings/{id}} and hands it to a handler with the path parameters filled in. A path no route
 * matches gets a 404 problem; a path that matches with another method gets 405 with an {@code Allow}
 * header. Templates are matched segment by segment; a {@code {name}} segment matches any one non-empty
 * segment; a trailing slash is ignored. Routes are tried in the order they were added.
 *
 * <pre>{@code
 * HttpHandler http = Routes.builder()
 *         .get("/screenings", this::list)
 *         .get("/screenings/{id}", this::one)
 *         .post("/screenings", this::create)
 *         .build();
 * }</pre>
 *
 * <p>Since 1.3.0 a route may carry a summary and a description ({@link Builder#get(String, String, HttpHandler)},
 * {@link Builder#route(String, String, String, String, HttpHandler)}): the core publishes each running plugin's
 * routes in its OpenAPI document ({@code /openapi}), under the plugin's name, with these texts. {@link #routes()}
 * is the table it reads.
 *
 * <p>Immutable once built, and thread-safe.
 */
public final class Routes implements HttpHandler {

    /**
     * One route as documented: what {@link #routes()} lists.
     *
     * @param method      the upper-case HTTP method
     * @param template    the template as normalised by the router: {@code /} and the segments joined by
     *                    {@code /}, such as {@code /screenings/{id}}; {@code /} for the root
     * @param summary     a one-line summary, if the plugin gave one
     * @param description a longer description (CommonMark), if the plugin gave one
     * @since 1.3.0
     */
    public record Route(String method, String template, Optional<String> summary, Optional<String> description) {

        /** The names of the template's {@code {name}} segments, in order. */
        public List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            for (String s : segments(template)) {
                if (isParameter(s)) {
                    names.add(s.substring(1, s.length() - 1));
                }
            }
            return List.copyOf(names);
        }
    }

    private record Entry(Route route, List<String> segments, HttpHandler handler) {
    }

    private final List<Entry> routes;

    private Routes(List<Entry> routes) {
        this.routes = List.copyOf(routes);
    }

    /**
     * The routes in the order they were added, without their handlers: what the core documents.
     *
     * @return an unmodifiable list
     * @since 1.3.0
     */
    public List<Route> routes() {
        return routes.stream().map(Entry::route).toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws Exception {
        List<String> path = segments(request.path());
        TreeSet<String> allowed = new TreeSet<>();
        for (Entry entry : routes) {
            Optional<Map<String, String>> params = match(entry.segments(), path);
            if (params.isPresent()) {
                if (entry.route().method().equals(request.method())) {
                    return entry.handler().handle(request.withPathParams(params.get()));
                }
                allowed.add(entry.route().method());
            }
        }
        if (!allowed.isEmpty()) {
            return HttpResponse.problem(405, "Method not allowed", request.method() + " is not supported on "
                    + request.path() + "; use " + String.join(", ", allowed) + ".")
                    .withHeader("Allow", String.join(", ", allowed));
        }
        return HttpResponse.problem(404, "Not found", "No route for " + request.path() + ".");
    }

    /**
     * The path parameters if the template matches the path.
     *
     * @param template the template's segments
     * @param path     the path's segments
     */
    static Optional<Map<String, String>> match(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            String p = path.get(i);
            if (isParameter(t)) {
                params.put(t.substring(1, t.length() - 1), p);
            } else if (!t.equals(p)) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Collects routes. Not thread-safe; build once, in {@code start} or {@code http()}. */
    public static final class Builder {
        private final List<Entry> routes = new ArrayList<>();

        private Builder() {
        }

        public Builder route(String method, String template, HttpHandler handler) {
            return route(method, template, null, null, handler);
        }

        /**
         * Adds a route with the texts the core publishes for it in {@code /openapi}.
         *
         * @param method      the HTTP method
         * @param template    the template, such as {@code /screenings/{id}}
         * @param summary     a one-line summary, or null
         * @param description a longer description, or null
         * @param handler     the handler
         * @return this builder
         * @since 1.3.0
         */
        public Builder route(String method, String template, String summary, String description,
                             HttpHandler handler) {
            List<String> segments = segments(template);
            for (String s : segments) {
                if (s.contains("{") && !(isParameter(s) && s.length() > 2)) {
                    throw new IllegalArgumentException("bad template segment '" + s + "' in " + template);
                }
            }
            Route route = new Route(method.toUpperCase(Locale.ROOT), "/" + String.join("/", segments),
                    text(summary), text(description));
            routes.add(new Entry(route, segments, handler));
            return this;
        }

        private static Optional<String> text(String value) {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        public Builder get(String template, HttpHandler handler) {
            return route("GET", template, handler);
        }

        public Builder post(String template, HttpHandler handler) {
            return route("POST", template, handler);
        }

        public Builder put(String template, HttpHandler handler) {
            return route("PUT", template, handler);
        }

        public Builder patch(String template, HttpHandler handler) {
            return route("PATCH", template, handler);
        }

        public Builder delete(String template, HttpHandler handler) {
            return route("DELETE", template, handler);
        }

        /**
         * A GET route with a summary for {@code /openapi}.
         *
         * @since 1.3.0
         */
        public Builder get(String template, String summary, HttpHandler handler) {
            return route("GET", template, summary, null, handler);
        }

        /**
         * A POST route with a summary for {@code /openapi}.
         *
         * @since 1.3.0
         */
        public Builder post(String template, String summary, HttpHandler handler) {
            return route("POST", template, summary, null, handler);
        }

        /**
         * A PUT route with a summary for {@code /openapi}.
         *
         * @since 1.3.0
         */
        public Builder put(String template, String summary, HttpHandler handler) {
            return route("PUT", template, summary, null, handler);
        }

        /**
         * A PATCH route with a summary for {@code /openapi}.
         *
         * @since 1.3.0
         */
        public Builder patch(String template, String summary, HttpHandler handler) {
            return route("PATCH", template, summary, null, handler);
        }

        /**
         * A DELETE route with a summary for {@code /openapi}.
         *
         * @since 1.3.0
         */
        public Builder delete(String template, String summary, HttpHandler handler) {
            return route("DELETE", template, summary, null, handler);
        }

        public Routes build() {
            return new Routes(routes);
        }
    }
}
