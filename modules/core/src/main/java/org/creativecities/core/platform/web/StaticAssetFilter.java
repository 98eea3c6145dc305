package org.creativecities.core.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the UI's content-hashed addresses ({@link StaticAssets}): {@code /static/<version>/ui/app.js} answers the
 * file {@code /ui/app.js} with {@code Cache-Control: public, max-age=31536000, immutable}, so that a repeat visit
 * asks nothing again. An address with another version (a page loaded before a redeployment) gets today's file
 * with {@code no-cache}. The bundles are answered from memory, and so are several string catalogues asked for
 * at once: {@code /static/<version>/ui/i18n/en/common+home.json} answers {@code {"common": …, "home": …}} (a
 * catalogue that does not exist is {@code {}}, as the UI treats a missing one). Anything else is a 404.
 */
@WebFilter(urlPatterns = "/static/*", asyncSupported = true)
public class StaticAssetFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The caching of a hashed address: a year, and never revalidated. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private static final Pattern CATALOGUES = Pattern.compile(
            "/ui/i18n/([a-zA-Z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3})/((?:[a-z][a-z0-9-]{0,40}\\+){1,19}[a-z][a-z0-9-]{0,40})\\.json");

    private transient StaticAssets assets;

    @Override
    public void init() throws ServletException {
        assets = StaticAssets.of(getServletContext());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        UiShellFilter.harden(response);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int slash = path.indexOf('/', StaticAssets.PREFIX.length());
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!read || slash < 0 || path.contains("..") || path.contains("%") || path.contains("//")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String file = path.substring(slash);
        boolean current = assets.version().equals(path.substring(StaticAssets.PREFIX.length(), slash));
        Optional<StaticAssets.Bundle> made = assets.bundle(file).or(() -> catalogues(file));
        if (made.isEmpty() && !assets.serves(file)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", current ? IMMUTABLE : "no-cache");
        if (made.isPresent()) {
            byte[] bytes = made.get().bytes();
            response.setContentType(made.get().contentType());
            response.setContentLength(bytes.length);
            if (!"HEAD".equals(request.getMethod())) {
                response.getOutputStream().write(bytes);
            }
            return;
        }
        request.getRequestDispatcher(file).forward(request, response);
    }

    /** Several catalogues of one language asked for at once, as one JSON object by namespace. */
    private Optional<StaticAssets.Bundle> catalogues(String file) {
        Matcher m = CATALOGUES.matcher(file);
        if (!m.matches()) {
            return Optional.empty();
        }
        Set<String> namespaces = new LinkedHashSet<>(List.of(m.group(2).split("\\+")));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        json.write('{');
        String separator = "";
        for (String ns : namespaces) {
            json.writeBytes((separator + "\"" + ns + "\":").getBytes(StandardCharsets.UTF_8));
            String name = "/ui/i18n/" + m.group(1) + "/" + ns + ".json";
            try (InputStream in = getServletContext().getResourceAsStream(name)) {
                json.writeBytes(in == null ? new byte[] {'{', '}'} : in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            separator = ",";
        }
        json.write('}');
        return Optional.of(new StaticAssets.Bundle("application/json;charset=UTF-8", json.toByteArray()));
    }
}
