package org.creativecities.core.identity;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.creativecities.core.platform.AppConfig;

/**
 * Guards Payara's own MicroProfile endpoints, which it registers in this application's context:
 * {@code /health} (and {@code /live}, {@code /ready}, {@code /started}) answers anyone with its status only,
 * {@code {"status":"UP"}} or {@code DOWN} with the same HTTP status; the checks' details (the plugins' last errors
 * among them) and {@code /metrics} are for administrators, who send their bearer token. With
 * {@code ccc.monitoring.access=public} (for a server reachable only from a private network) both are served as they
 * are.
 */
@WebFilter(urlPatterns = {"/health", "/health/*", "/metrics", "/metrics/*"}, asyncSupported = true)
public class MonitoringAccessFilter extends HttpFilter {

    /** Created once: {@code Json.create…} looks the JSON-P provider up with a class-path scan on every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);

    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "Bearer ";

    @Inject
    private AccountService accounts;

    @Inject
    private AppConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Caller.Identity> who = identity(request);
        if (config.monitoringPublic() || who.filter(Caller.Identity::admin).isPresent()) {
            chain.doFilter(request, response);
        } else if (request.getServletPath().startsWith("/metrics")) {
            refuse(response, who.isPresent() ? 403 : 401, who.isPresent() ? "Forbidden" : "Unauthorized",
                    "Metrics are for administrators: send an administrator's 'Authorization: Bearer <token>'.");
        } else {
            StatusOnly statusOnly = new StatusOnly(response);
            chain.doFilter(request, statusOnly);
            int status = statusOnly.getStatus();
            response.resetBuffer();
            response.setStatus(status);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            byte[] body = JSON.createObjectBuilder().add("status", status == 200 ? "UP" : "DOWN").build().toString()
                    .getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private Optional<Caller.Identity> identity(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        return accounts.authenticate(header.substring(PREFIX.length()).trim());
    }

    private static void refuse(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"creative-cities-commons\"");
        }
        response.getOutputStream().write(JSON.createObjectBuilder().add("type", "/problems/" + title.toLowerCase())
                .add("title", title).add("status", status).add("detail", detail).build().toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Lets the health servlet set the status, and drops everything it writes. */
    private static final class StatusOnly extends HttpServletResponseWrapper {

        private final ServletOutputStream sink = new ServletOutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void write(byte[] b, int off, int len) {
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("blocking output only");
            }
        };
        private final PrintWriter writer = new PrintWriter(OutputStream.nullOutputStream());

        StatusOnly(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return sink;
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public void setContentLength(int len) {
            // The status-only body has its own length.
        }

        @Override
        public void setContentLengthLong(long len) {
            // As above.
        }

        @Override
        public void flushBuffer() {
            // Nothing of the details reaches the client.
        }
    }
}
