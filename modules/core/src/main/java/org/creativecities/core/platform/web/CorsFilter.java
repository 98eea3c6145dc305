package org.creativecities.core.platform.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.creativecities.core.platform.AppConfig;

/**
 * Cross-origin access for browsers, limited to {@code ccc.http.allowed-origins}. A request from another
 * origin gets no CORS headers, so the browser refuses to hand the answer to the page. Pre-flight
 * requests from allowed origins are answered here.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Request-Id";

    @Inject
    private AppConfig config;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && origin != null
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            Response.ResponseBuilder preflight = Response.noContent().header("Vary", "Origin");
            if (config.allowedOrigins().contains(origin)) {
                preflight.header("Access-Control-Allow-Origin", origin)
                        .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                        .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                        .header("Access-Control-Max-Age", "600");
            }
            request.abortWith(preflight.build());
        }
    }

    private static final String EXPOSED_HEADERS = "Location, Retry-After, X-Request-Id";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin != null && config.allowedOrigins().contains(origin)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
            response.getHeaders().add("Vary", "Origin");
        }
    }

    /** The same headers on an answer written outside JAX-RS (a refusal from the request's head). */
    static void allow(HttpServletRequest request, HttpServletResponse response, AppConfig config) {
        String origin = request.getHeader("Origin");
        if (origin != null && config.allowedOrigins().contains(origin)) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
            response.addHeader("Vary", "Origin");
        }
    }
}
