package org.creativecities.core.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.creativecities.core.platform.AppConfig;

/**
 * The first filter of every request (declared first in {@code web.xml}): it decides, from the request head alone,
 * whether the connection can be trusted to carry another request, and refuses what would let a body be taken for
 * the next request (request smuggling) or be read at all when it is too large.
 *
 * <ul>
 *   <li>Methods the application does not serve (TRACE, CONNECT, anything unknown) get 405. Grizzly reads no body for
 *       TRACE and CONNECT, so their answer also closes the connection.</li>
 *   <li>A request target (path and query) longer than {@code ccc.limits.uri-max} gets 414; the container's header
 *       buffer ({@code header-buffer-length-bytes} in {@code payara-preboot.asadmin}) is larger, so that it is this
 *       filter, not the container's empty 400, that answers.</li>
 *   <li>A path that names nothing the application serves, whatever the method and the caller ({@link RequestPaths}:
 *       dot segments, escaped separators, malformed escapes), gets 400.</li>
 *   <li>Ambiguous framing (Content-Length together with Transfer-Encoding, several Content-Length values, a
 *       Transfer-Encoding other than a single {@code chunked}) gets 400.</li>
 *   <li>A declared body larger than the limit ({@code ccc.limits.request-body-max}, or {@code ccc.plugins.max-upload}
 *       for plugin uploads, or a context's {@link UploadLimit}) gets 413 before a byte of it is read; a chunked
 *       body is counted as it is read by {@link RequestBodyLimitFilter}.</li>
 *   <li>A query that holds the NUL character ({@code %00}) gets 400: no parameter takes it, and PostgreSQL refuses it
 *       in text.</li>
 *   <li>An {@code Authorization} header that is not printable ASCII gets 401.</li>
 *   <li>A client that a rate limit told to wait, asking the same again before the wait is over, gets 429 with
 *       {@code Retry-After} ({@link EdgeRefusals}).</li>
 *   <li>An anonymous read of a public read model that JAX-RS answered before is answered again from memory
 *       ({@link PublicReadCache}), after the checks above.</li>
 *   <li>Every HTTP/1 answer is written through {@link ClientGoneResponse}: an answer that meets a connection the client
 *       (or the container) already closed is dropped, not logged as a server failure.</li>
 *   <li>Any error answer to a request that carries a body, and every refusal here, closes the connection, so a body
 *       that was refused unread is never parsed as a next request; the connection is also marked spent
 *       ({@link SpentConnections}), and anything else that arrives on it is refused unseen. When the caller
 *       was let in, the application stopped reading the body halfway, and it is no larger than a JSON body may be,
 *       the rest is read and dropped before the connection closes ({@link RefusedBodyDrain}), so that the client
 *       receives the answer, not a reset.</li>
 * </ul>
 * Every refusal here is a problem document and an access-log line, like any other answer.
 */
public class RequestFramingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Set<String> SERVED = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    @Inject
    private transient AppConfig config;

    @Inject
    private transient EdgeRefusals edge;

    @Inject
    private transient PublicReadCache reads;

    @Inject
    private transient UploadLimits uploads;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        if (isHttp1(request) && SpentConnections.isSpent(request)) {
            try {
                refuse(request, response, new Refusal(400, "bad-request", "Connection closed",
                        "An earlier request on this connection was refused; open a new connection."), started);
            } catch (IOException closedAlready) {
                // The client or the container closed the connection: nobody is left to answer.
            }
            return;
        }
        Refusal refusal = refusal(request);
        if (refusal == null) {
            refusal = edge.refusal(request).map(wait -> new Refusal(429, "too-many-requests", "Too many requests",
                    "You were asked to wait before trying this again; the wait is not over.", wait)).orElse(null);
        }
        if (refusal != null) {
            refuse(request, response, refusal, started);
            return;
        }
        if (!isHttp1(request) || request.getHeader("Upgrade") != null) {
            chain.doFilter(request, response);
            return;
        }
        if (reads.answer(request, response, started)) {
            return;
        }
        if (!hasBody(request)) {
            chain.doFilter(request, new ClientGoneResponse(response));
            reads.remember(request);
            return;
        }
        RefusedBodyDrain body = new RefusedBodyDrain(request);
        CloseOnError answer = new CloseOnError(request, response);
        chain.doFilter(body, answer);
        if (answer.closing() && body.worthDraining(answer.getStatus(), config.requestBodyMax())) {
            body.drain(config.requestBodyMax());
        }
    }

    /** Why a request is refused from its head: the problem to answer. */
    private record Refusal(int status, String type, String title, String detail, Duration retryAfter) {
        Refusal(int status, String type, String title, String detail) {
            this(status, type, title, detail, null);
        }
    }

    /** Why the request is refused from its head, or {@code null}. */
    private Refusal refusal(HttpServletRequest request) {
        String method = request.getMethod();
        if (!SERVED.contains(method)) {
            return new Refusal(405, "method-not-allowed", "Method not allowed",
                    "This server does not serve " + printable(method) + " requests.");
        }
        int target = request.getRequestURI().length() + (request.getQueryString() == null ? 0
                : request.getQueryString().length() + 1);
        if (target > config.uriMax()) {
            return new Refusal(414, "uri-too-long", "URI too long",
                    "The request target is longer than the limit of " + config.uriMax() + " characters.");
        }
        String badPath = RequestPaths.refusal(request.getRequestURI());
        if (badPath != null) {
            return new Refusal(400, "bad-request", "Invalid path", badPath);
        }
        if (hasNul(request.getQueryString())) {
            return new Refusal(400, "bad-request", "Invalid query",
                    "The query holds the NUL character (%00), which no parameter takes.");
        }
        if (hasControlCharacters(request)) {
            return new Refusal(400, "bad-request", "Invalid header", "A header value holds a control character.");
        }
        List<String> lengths = Collections.list(request.getHeaders("Content-Length"));
        List<String> encodings = Collections.list(request.getHeaders("Transfer-Encoding"));
        if (lengths.size() > 1 || lengths.stream().anyMatch(l -> !l.strip().matches("\\d{1,18}"))) {
            return new Refusal(400, "bad-request", "Ambiguous request framing",
                    "Send one Content-Length with one value.");
        }
        if (!encodings.isEmpty() && !lengths.isEmpty()) {
            return new Refusal(400, "bad-request", "Ambiguous request framing",
                    "Send Content-Length or Transfer-Encoding, not both.");
        }
        if (encodings.size() > 1 || encodings.size() == 1
                && !"chunked".equals(encodings.get(0).strip().toLowerCase(Locale.ROOT))) {
            return new Refusal(400, "bad-request", "Unsupported transfer coding",
                    "The only transfer coding accepted is a single 'chunked'.");
        }
        long max = RequestBodyLimitFilter.limitFor(config, uploads.all(), method, apiPath(request));
        if (!lengths.isEmpty() && Long.parseLong(lengths.get(0).strip()) > max) {
            return new Refusal(413, "payload-too-large", "Payload too large",
                    "The request body is larger than the limit of " + max + " bytes.");
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && !authorization.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return new Refusal(401, "unauthorized", "Authentication required",
                    "The Authorization header must be 'Bearer <token>' in ASCII.");
        }
        return null;
    }

    /**
     * Whether the raw query holds the NUL character, escaped or not. No parameter takes it, and PostgreSQL refuses it
     * in any text value, so a look-up with it would be a database error there.
     */
    static boolean hasNul(String query) {
        return query != null && (query.indexOf('\0') >= 0 || query.contains("%00"));
    }

    /**
     * Whether any header value holds a control character other than a tab. The container's own check of header values
     * is off (it answered non-ASCII values with an empty 400), so this one stands in for it.
     */
    private static boolean hasControlCharacters(HttpServletRequest request) {
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            for (Enumeration<String> values = request.getHeaders(names.nextElement()); values.hasMoreElements(); ) {
                String value = values.nextElement();
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (c < 0x20 && c != '\t' || c == 0x7f) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * HTTP/1.x only: an HTTP/2 connection (h2c after an upgrade) frames every request itself and carries other streams,
     * which a refused one must not take down; nor may its answers carry {@code Connection}.
     */
    private static boolean isHttp1(HttpServletRequest request) {
        return request.getProtocol() != null && request.getProtocol().startsWith("HTTP/1");
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** The path under {@code /api/}, as JAX-RS sees it; empty for other paths. */
    private static String apiPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") ? path.substring("/api/".length()) : "";
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal, long started)
            throws IOException {
        // A refusal leaves the body unread; a repeated 429 to a request without one leaves nothing behind.
        boolean keepOpen = refusal.retryAfter() != null && !hasBody(request);
        if (isHttp1(request) && !keepOpen) {
            SpentConnections.spend(request);
            response.setHeader("Connection", "close");
        }
        CorsFilter.allow(request, response, config);
        if (refusal.status() == 405) {
            response.setHeader("Allow", ALLOW);
        }
        if (refusal.retryAfter() != null) {
            long seconds = Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
        }
        String id = ServletProblems.write(response, refusal.status(), refusal.type(), refusal.title(),
                refusal.detail(), request.getRequestURI());
        RequestIdFilter.log(id, printable(request.getMethod()), request.getRequestURI(), refusal.status(),
                (System.nanoTime() - started) / 1000, null);
    }

    private static String printable(String text) {
        String cut = text.length() > 32 ? text.substring(0, 32) : text;
        return cut.replaceAll("[^A-Za-z0-9_-]", "?");
    }

    /**
     * Closes the connection after an error answer: the application may have refused the body without reading it
     * (401, 403, 413), and letting the container parse what is left as a next request is not worth the risk. The connection is also marked
     * spent, as Grizzly would run bytes it took for the next request before it honours the header.
     */
    private static final class CloseOnError extends ClientGoneResponse {

        private final HttpServletRequest request;
        private boolean closing;

        CloseOnError(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void setStatus(int status) {
            closeOnError(status);
            super.setStatus(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            closeOnError(status);
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            closeOnError(status);
            super.sendError(status);
        }

        /** Whether the answer is an error that closes the connection. */
        boolean closing() {
            return closing;
        }

        private void closeOnError(int status) {
            if (status >= 400 && !isCommitted()) {
                closing = true;
                SpentConnections.spend(request);
                setHeader("Connection", "close");
            }
        }
    }
}
