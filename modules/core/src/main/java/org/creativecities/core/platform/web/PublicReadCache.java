package org.creativecities.core.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.Enumeration;
import org.creativecities.core.platform.AppConfig;

/**
 * Answers repeated anonymous reads of public read models from memory, before JAX-RS. When JAX-RS answers an anonymous
 * {@code GET} with a {@linkplain JsonRepresentation#shared shared} representation, {@link Mark} marks the request and
 * {@link RequestFramingFilter} remembers the representation under the request target (path and query, exactly as
 * sent). The next anonymous {@code GET} of the same target is answered here, with the same status, body and headers
 * as JAX-RS would give ({@code 304} on a matching {@code If-None-Match}), for as long as the representation's read
 * model says it is current; after a change the next request goes to JAX-RS again, which answers from the new model.
 *
 * <p>Why: with the catalogue already in memory, JAX-RS's own work per request (request scope, injection, routing, its
 * filters, the container's telemetry listener and its locks) was most of what a city list cost under load
 * (docs/benchmarks.md, REST). What is skipped decides nothing for these requests: the answer depends only on the
 * target, and anything that could change it sends the request to JAX-RS as before — a method other than GET, an
 * {@code Authorization} header (it must be checked), a body, an {@code Accept} other than none, {@code *}{@code /*}
 * or {@code application/json}, {@code If-Match}, an {@code If-None-Match} that is not a plain list of tags, a query
 * JAX-RS has not answered with 200 (unknown or bad parameters). The request head was checked, and rate-limit refusals repeated, by
 * {@link RequestFramingFilter} first; the answer carries the request id, the access-log line, the CORS and hardening
 * headers like any other.
 */
@ApplicationScoped
public class PublicReadCache {

    /** The request attribute (a JAX-RS property) that carries a representation to remember. */
    static final String ATTRIBUTE = "ccc.publicRead";
    /** The most targets remembered at once; past that, stale ones are swept out, and new ones wait for room. */
    static final int MAX_ENTRIES = 1024;

    private final BoundedMap<String, JsonRepresentation> entries = new BoundedMap<>(MAX_ENTRIES, r -> !r.reusable());

    @Inject
    private AppConfig config;

    /** How an {@code If-None-Match} header relates to a representation. */
    enum Precondition {
        /** Absent, or names other tags: the body is answered. */
        NONE_MATCHES,
        /** Names this tag (weak comparison) or {@code *}: {@code 304}. */
        MATCHES,
        /** Not a plain list of tags: left to JAX-RS. */
        UNREADABLE
    }

    /**
     * Answers the request from memory if it can: an anonymous GET of a target remembered and still current.
     *
     * @param started when the request arrived ({@link System#nanoTime()}), for the access log
     * @return whether it was answered
     */
    boolean answer(HttpServletRequest request, HttpServletResponse response, long started) {
        if (entries.isEmpty() || !eligible(request)) {
            return false;
        }
        String target = target(request);
        JsonRepresentation representation = entries.get(target);
        if (representation == null) {
            return false;
        }
        if (!representation.reusable()) {
            entries.remove(target, representation);
            return false;
        }
        Precondition precondition = ifNoneMatch(request.getHeaders("If-None-Match"), representation.tagValue());
        if (precondition == Precondition.UNREADABLE) {
            return false;
        }
        String id = RequestIdFilter.idFor(request.getHeader(RequestIdFilter.HEADER));
        UiShellFilter.harden(response);
        response.setHeader("ETag", representation.etag());
        response.setHeader("Cache-Control", JsonRepresentation.CACHE_CONTROL);
        response.setHeader(RequestIdFilter.HEADER, id);
        CorsFilter.allow(request, response, config);
        int status = precondition == Precondition.MATCHES ? HttpServletResponse.SC_NOT_MODIFIED
                : HttpServletResponse.SC_OK;
        response.setStatus(status);
        if (status == HttpServletResponse.SC_OK) {
            byte[] body = representation.body();
            response.setContentType("application/json");
            response.setContentLength(body.length);
            try {
                response.getOutputStream().write(body);
            } catch (IOException gone) {
                // The client closed the connection: nobody is left to read the answer.
            }
        }
        RequestIdFilter.log(id, "GET", request.getRequestURI(), status, (System.nanoTime() - started) / 1000, null);
        return true;
    }

    /** After JAX-RS answered: remembers the representation it marked, if the request is one this cache answers. */
    void remember(HttpServletRequest request) {
        if (!(request.getAttribute(ATTRIBUTE) instanceof JsonRepresentation representation)
                || !representation.reusable() || !eligible(request)) {
            return;
        }
        entries.put(target(request), representation);
    }

    /** A request whose answer depends only on its target: see the class comment. */
    static boolean eligible(HttpServletRequest request) {
        return "GET".equals(request.getMethod())
                && request.getHeader("Authorization") == null
                && request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null
                && request.getHeader("If-Match") == null
                && acceptsJson(request.getHeader("Accept"));
    }

    private static boolean acceptsJson(String accept) {
        return accept == null || accept.equals("*/*") || accept.equals("application/json");
    }

    private static String target(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + '?' + query;
    }

    /**
     * Reads {@code If-None-Match} as JAX-RS evaluates it for a GET: {@code *} or any listed tag equal to {@code tag},
     * weak or strong, matches.
     */
    static Precondition ifNoneMatch(Enumeration<String> headers, String tag) {
        if (headers == null || !headers.hasMoreElements()) {
            return Precondition.NONE_MATCHES;
        }
        String header = headers.nextElement();
        if (headers.hasMoreElements() || header == null) {
            return Precondition.UNREADABLE;
        }
        if (header.strip().equals("*")) {
            return Precondition.MATCHES;
        }
        Precondition result = Precondition.NONE_MATCHES;
        for (String listed : header.split(",", -1)) {
            String t = listed.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.length() < 2 || t.charAt(0) != '"' || t.charAt(t.length() - 1) != '"'
                    || t.indexOf('"', 1) != t.length() - 1) {
                return Precondition.UNREADABLE;
            }
            if (t.regionMatches(1, tag, 0, tag.length()) && t.length() == tag.length() + 2) {
                result = Precondition.MATCHES;
            }
        }
        return result;
    }

    /**
     * Marks an anonymous GET answered 200 with a shared representation, so that {@link RequestFramingFilter} can
     * remember it once JAX-RS is done. (On the servlet container, request properties are the request's attributes.)
     */
    @Provider
    public static final class Mark implements ContainerResponseFilter {

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (response.getStatus() == HttpServletResponse.SC_OK && "GET".equals(request.getMethod())
                    && response.getEntity() instanceof JsonRepresentation r && r.reusable()) {
                request.setProperty(ATTRIBUTE, r);
            }
        }
    }
}
