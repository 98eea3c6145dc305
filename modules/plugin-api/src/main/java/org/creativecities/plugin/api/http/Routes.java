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
 * <p>Immutable once built, and thread-safe.
 */
public final class Routes implements HttpHandler {

    private record Route(String method, List<String> segments, HttpHandler handler) {
    }

    private final List<Route> routes;

    private Routes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws Exception {
        List<String> path = segments(request.path());
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> params = match(route.segments(), path);
            if (params.isPresent()) {
                if (route.method().equals(request.method())) {
                    return route.handler().handle(request.withPathParams(params.get()));
                }
                allowed.add(route.method());
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
            if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), p);
            } else if (!t.equals(p)) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
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
        private final List<Route> routes = new ArrayList<>();

        private Builder() {
        }

        public Builder route(String method, String template, HttpHandler handler) {
            List<String> segments = segments(template);
            for (String s : segments) {
                if (s.contains("{") && !(s.startsWith("{") && s.endsWith("}") && s.length() > 2)) {
                    throw new IllegalArgumentException("bad template segment '" + s + "' in " + template);
                }
            }
            routes.add(new Route(method.toUpperCase(Locale.ROOT), segments, handler));
            return this;
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

        public Routes build() {
            return new Routes(routes);
        }
    }
}
