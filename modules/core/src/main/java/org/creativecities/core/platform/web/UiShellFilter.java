package org.creativecities.core.platform.web;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.core.platform.Sha256;


/**
 * Serves the browser UI: every page address ({@code /}, {@code /cities/lyon}, {@code /rooms/7}, …) answers the
 * single-page shell {@code index.html}, so that addresses can be bookmarked and reloaded; the UI's router then
 * shows the page. Everything else (the API, the WebSocket, static files, WebJars, plugin UI modules, health and
 * OpenAPI) passes through untouched.
 *
 * <p>Every answer gets the browser hardening headers; the shell gets a strict Content-Security-Policy: scripts
 * only from this origin plus the import map, whose SHA-256 is computed here from the shell itself, so no inline
 * script of an attacker can run even if one got into a page. Static UI files are revalidated on each load
 * ({@code no-cache}, the container answers 304); WebJars and the vendored {@code /third-party/} files carry their
 * version in the path and are cached for a year, as are the UI's files under their content-hashed addresses, which
 * the shell uses ({@link StaticAssets}), with what the address's page needs preloaded ({@link RoutePreloads}).
 * Addresses that a context renders on the server ({@link ShellPages}) get the shell with that page's title, head
 * and first view, and its status.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class UiShellFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final List<String> PASS_THROUGH = List.of("/api", "/ws", "/webjars", "/ui", "/static", "/plugins",
            "/openapi", "/health", "/metrics");

    private static final Pattern IMPORT_MAP = Pattern.compile(
            "<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private transient StaticAssets assets;
    private transient String contentSecurityPolicy;

    @Inject
    private transient Instance<ShellPages> serverPages;

    @Override
    public void init() throws ServletException {
        assets = StaticAssets.of(getServletContext());
        contentSecurityPolicy = policyFor(assets.shell());
    }

    /** The Content-Security-Policy for a shell: only this origin, plus the shell's own inline import map. */
    static String policyFor(String html) {
        StringBuilder hashes = new StringBuilder();
        Matcher m = IMPORT_MAP.matcher(html);
        while (m.find()) {
            hashes.append(" 'sha256-").append(sha256(m.group(1))).append('\'');
        }
        return "default-src 'self'; script-src 'self'" + hashes + "; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; media-src 'self' blob: http: https:; connect-src 'self' ws: wss:; "
                + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String sha256(String text) {
        return Base64.getEncoder().encodeToString(Sha256.digest(text));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        harden(response);
        if (isShell(request.getMethod(), path)) {
            Optional<ShellPages.Page> page = serverPages.stream().map(p -> p.page(path, request))
                    .flatMap(Optional::stream).findFirst();
            String shell = assets.shell(path);
            byte[] html = page.map(p -> p.applyTo(shell)).orElse(shell).getBytes(StandardCharsets.UTF_8);
            response.setStatus(page.map(ShellPages.Page::status).orElse(HttpServletResponse.SC_OK));
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            response.addHeader("Vary", "Accept-Language");
            response.setHeader("Content-Security-Policy", contentSecurityPolicy);
            response.setHeader("X-Frame-Options", "DENY");
            response.setContentLength(html.length);
            if (!"HEAD".equals(request.getMethod())) {
                response.getOutputStream().write(html);
            }
            return;
        }
        if (path.startsWith("/webjars/") || path.startsWith("/third-party/")) {
            response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        } else if (path.startsWith("/ui/")) {
            response.setHeader("Cache-Control", "no-cache");
        }
        chain.doFilter(request, response);
    }

    /**
     * The browser hardening headers every answer carries, and {@code Vary: Accept-Encoding}: the container gzips the
     * answers of text types to a client that accepts it (config/payara-preboot.asadmin), but does not say so to
     * caches, which must keep the two forms apart.
     */
    static void harden(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.addHeader("Vary", "Accept-Encoding");
    }

    /** A page address: a GET or HEAD outside the reserved prefixes whose last segment is not a file name. */
    static boolean isShell(String method, String path) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        if (path.isEmpty() || path.equals("/") || path.equals("/index.html")) {
            return true;
        }
        for (String prefix : PASS_THROUGH) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return false;
            }
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
