package org.creativecities.core.plugin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Serves a running plugin's browser assets: {@code /plugins/{pluginId}/ui/x/y.js} is the entry
 * {@code ui/x/y.js} of the plugin's jar, read from the jar file itself (never from the class path, so no
 * other jar's resources can be reached). Only a few static types are served; dot segments, backslashes and
 * hidden names are refused; a plugin that is not running has no assets (404). Answers are revalidated on each
 * use ({@code no-cache}) against an ETag made of the plugin's version and the entry's CRC, and a
 * {@code Last-Modified} from the entry's time, so an upgraded plugin's UI is picked up at once.
 */
@WebServlet(urlPatterns = "/plugins/*")
public class PluginAssetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=UTF-8",
            "mjs", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json; charset=UTF-8",
            "webm", "video/webm",
            "woff2", "font/woff2");

    @Inject
    private transient PluginRegistry registry;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        Optional<String[]> parts = split(info);
        if (parts.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String pluginId = parts.get()[0];
        String asset = parts.get()[1];
        Optional<String> type = contentType(asset);
        Optional<PluginRuntime> rt = registry.running(pluginId);
        if (type.isEmpty() || rt.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (JarFile jar = new JarFile(rt.get().jar().toFile())) {
            JarEntry entry = jar.getJarEntry(asset);
            if (entry == null || entry.isDirectory()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            String etag = "\"" + pluginId + "-" + rt.get().version() + "-" + Long.toHexString(entry.getCrc()) + "\"";
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("ETag", etag);
            if (entry.getTime() > 0) {
                response.setDateHeader("Last-Modified", entry.getTime());
            }
            if (matches(request.getHeader("If-None-Match"), etag)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            response.setContentType(type.get());
            if (asset.endsWith(".svg")) {
                response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
            }
            if (entry.getSize() >= 0) {
                response.setContentLengthLong(entry.getSize());
            }
            try (InputStream in = jar.getInputStream(entry)) {
                in.transferTo(response.getOutputStream());
            }
        }
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The plugin id and the jar entry of a request's path info, if it is acceptable: the second segment must be
     * {@code ui}, and the entry is the rest of the path from there.
     *
     * @param pathInfo e.g. {@code /film/ui/watch-party.js}, giving {@code film} and {@code ui/watch-party.js}
     */
    static Optional<String[]> split(String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2 || pathInfo.contains("\\") || pathInfo.contains("\0")) {
            return Optional.empty();
        }
        String[] segments = pathInfo.substring(1).split("/", -1);
        if (segments.length < 3 || !segments[1].equals("ui")) {
            return Optional.empty();
        }
        for (String s : segments) {
            if (s.isEmpty() || s.startsWith(".") || s.contains(":")) {
                return Optional.empty();
            }
        }
        String rest = pathInfo.substring(2 + segments[0].length());
        return Optional.of(new String[] {segments[0], rest});
    }

    static Optional<String> contentType(String asset) {
        int dot = asset.lastIndexOf('.');
        return dot < 0 ? Optional.empty()
                : Optional.ofNullable(TYPES.get(asset.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }
}
