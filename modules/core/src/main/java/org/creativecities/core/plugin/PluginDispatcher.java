package org.creativecities.core.plugin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.creativecities.core.city.CityService;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.plugin.api.PluginFileException;
import org.creativecities.plugin.api.http.HttpRequest;
import org.creativecities.plugin.api.http.HttpResponse;
import org.creativecities.plugin.api.http.RequestCaller;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Serves one request to a plugin route: finds the running plugin (404 if it is not running, has no routes,
 * or is not enabled in the city), builds the {@link HttpRequest} on the request thread, calls the plugin
 * through the supervisor, and writes the answer. The plugin's JSON values are serialised inside the guarded
 * call, with the plugin's own JSON-B, so only bytes come back.
 */
public class PluginDispatcher {

    private static final Set<String> HIDDEN_REQUEST_HEADERS = Set.of("authorization", "cookie");
    private static final Set<String> REFUSED_RESPONSE_HEADERS = Set.of("content-length", "transfer-encoding",
            "connection", "set-cookie", "content-type");

    /**
     * The answer in core terms: a status, headers and bytes; or a problem for the core to write.
     *
     * @param status       the status
     * @param contentType  the content type, null for none
     * @param body         the bytes
     * @param headers      extra headers
     * @param problemTitle set for problem answers; the body is then the detail text
     */
    private record Rendered(int status, String contentType, byte[] body, Map<String, String> headers,
                            String problemTitle) {
    }

    private final PluginRegistry registry;
    private final PluginFailures failures;
    private final PluginHostConfig config;
    private final CityService cities;
    private final Caller caller;
    private final String pluginId;
    private final String citySlug;
    private final String path;

    private final HttpServletRequest servletRequest;
    private final HttpHeaders headers;

    PluginDispatcher(PluginRegistry registry, PluginFailures failures, PluginHostConfig config, CityService cities,
                     Caller caller, HttpServletRequest servletRequest, HttpHeaders headers, String pluginId, String citySlug, String path) {
        this.servletRequest = servletRequest;
        this.headers = headers;
        this.registry = registry;
        this.failures = failures;
        this.config = config;
        this.cities = cities;
        this.caller = caller;
        this.pluginId = pluginId;
        this.citySlug = citySlug;
        this.path = path == null || path.isEmpty() ? "/" : path.startsWith("/") ? path : "/" + path;
    }

    @GET
    @APIResponse(responseCode = "200", description = "The plugin's answer")
    @APIResponse(responseCode = "404", description = "Plugin not running, not enabled in the city, or no such route")
    @APIResponse(responseCode = "502", description = "The plugin failed")
    @APIResponse(responseCode = "504", description = "The plugin did not answer in time")
    public Response get() {
        return dispatch("GET", new byte[0]);
    }

    @POST
    @APIResponse(responseCode = "200", description = "The plugin's answer")
    public Response post(byte[] body) {
        return dispatch("POST", body);
    }

    @PUT
    @APIResponse(responseCode = "200", description = "The plugin's answer")
    public Response put(byte[] body) {
        return dispatch("PUT", body);
    }

    @PATCH
    @APIResponse(responseCode = "200", description = "The plugin's answer")
    public Response patch(byte[] body) {
        return dispatch("PATCH", body);
    }

    @DELETE
    @APIResponse(responseCode = "200", description = "The plugin's answer")
    public Response delete() {
        return dispatch("DELETE", new byte[0]);
    }

    private Response dispatch(String method, byte[] body) {
        PluginRuntime rt = registry.running(pluginId).filter(r -> r.code().servesHttp())
                .orElseThrow(() -> notHere("Plugin '" + pluginId + "' has no routes here: it is not installed, "
                        + "not running, or serves no REST routes."));
        Optional<String> city = Optional.ofNullable(citySlug).map(c -> cities.get(c).slug());
        if (city.isPresent() && failures.isSuspended(pluginId, city.get())) {
            throw new ProblemException(503, "/problems/plugin-suspended", "Plugin suspended here",
                    "Plugin '" + pluginId + "' failed repeatedly in " + city.get() + " and is suspended there for a "
                            + "while; an administrator can enable it again.", List.of(), config.failureWindow());
        }
        if (city.isPresent() && !registry.coversCity(pluginId, city.get())) {
            throw notHere("Plugin '" + pluginId + "' is not enabled in " + city.get() + ".");
        }
        PluginRequestBody.check(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body);
        HttpRequest request = new HttpRequest(method, path, PluginQueryParameters.parse(servletRequest.getQueryString()),
                requestHeaders(),
                body, Optional.ofNullable(citySlug), caller.identity()
                        .map(i -> new RequestCaller(i.id(), i.displayName(), i.admin())), Map.of());
        Rendered answer;
        try {
            answer = rt.code().handle(city, request, response -> render(response, rt));
        } catch (PluginCallException e) {
            throw switch (e.kind()) {
                case PERMISSION -> ProblemException.forbidden(e.permissionRefusal().orElseThrow().getMessage());
                case TIMED_OUT -> new ProblemException(504, "/problems/plugin-timeout", "Plugin timed out",
                        "Plugin '" + pluginId + "' did not answer within " + config.callTimeout().toMillis() + " ms.",
                        List.of(), null);
                case REJECTED -> new ProblemException(503, "/problems/plugin-busy", "Plugin busy",
                        "Plugin '" + pluginId + "' has too many requests in flight; try again.", List.of(),
                        java.time.Duration.ofSeconds(1));
                case FAILED -> new ProblemException(502, "/problems/plugin-failed", "Plugin failed",
                        "Plugin '" + pluginId + "' failed to answer; the error was recorded.", List.of(), null);
                case BAD_INPUT -> e.fileRefusal().map(PluginDispatcher::fileRefused).orElseGet(() ->
                        new ProblemException(400, "/problems/work-refused", "Work refused", e.getMessage(), List.of(),
                                null));
            };
        }
        if (answer.problemTitle() != null) {
            throw new ProblemException(answer.status(), "/problems/plugin/" + pluginId, answer.problemTitle(),
                    new String(answer.body(), StandardCharsets.UTF_8), List.of(), null);
        }
        Response.ResponseBuilder out = Response.status(answer.status());
        if (answer.contentType() != null) {
            out.type(answer.contentType()).entity(answer.body());
        }
        answer.headers().forEach((name, value) -> {
            if (!REFUSED_RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                out.header(name, value);
            }
        });
        return out.build();
    }

    /** Turns the plugin's answer into core values; runs inside the guarded call (it may run plugin code). */
    private static Rendered render(HttpResponse response, PluginRuntime rt) {
        if (response == null) {
            throw new IllegalStateException("the handler returned null");
        }
        Map<String, String> extra = Map.copyOf(response.headers());
        if (response.problemTitle().isPresent()) {
            return new Rendered(response.status(), null, response.bytes().orElse(new byte[0]), extra,
                    response.problemTitle().get());
        }
        if (response.json().isPresent()) {
            byte[] json = rt.jsonb().toJson(response.json().get()).getBytes(StandardCharsets.UTF_8);
            return new Rendered(response.status(), "application/json", json, extra, null);
        }
        return new Rendered(response.status(), response.contentType().orElse(null),
                response.bytes().orElse(new byte[0]), extra, null);
    }

    private Map<String, List<String>> requestHeaders() {
        Map<String, List<String>> out = new TreeMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HIDDEN_REQUEST_HEADERS.contains(lower)) {
                out.put(lower, List.copyOf(values));
            }
        });
        return out;
    }

    /** A file the media store refused, as the caller's bad input: the same statuses as {@code POST /api/media}. */
    private static ProblemException fileRefused(PluginFileException refused) {
        int status = switch (refused.reason()) {
            case TYPE -> 415;
            case TOO_LARGE -> 413;
            case QUOTA -> 507;
            case RATE -> 429;
            case EMPTY -> 400;
        };
        return new ProblemException(status, "/problems/file-refused", "File refused", refused.getMessage(), List.of(),
                null);
    }

    private static ProblemException notHere(String detail) {
        return new ProblemException(404, "/problems/not-found", "Plugin route not found", detail, List.of(), null);
    }
}
