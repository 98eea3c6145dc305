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
 * Serves a running plugin's browser assets: {@code /plugins/{pluginId}/x/y.js} is the entry
 * {@code ui/x/y.js} of the plugin's jar, read from the jar file itself (never from the class path, so no
 * other jar's resources can be reached). Only a few static types are served; dot segments, backslashes and
 * hidden names are refused; a plugin that is not running has no assets (404).
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
            "json", "application/json");

    @Inject
    private transient PluginHost host;

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
        Optional<PluginRuntime> rt = host.running(pluginId);
        if (type.isEmpty() || rt.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (JarFile jar = new JarFile(rt.get().jar().toFile())) {
            JarEntry entry = jar.getJarEntry("ui/" + asset);
            if (entry == null || entry.isDirectory()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(type.get());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("ETag", "\"" + pluginId + "-" + rt.get().version() + "-" + entry.getCrc() + "\"");
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

    /**
     * The plugin id and the asset path of a request's path info, if it is acceptable.
     *
     * @param pathInfo e.g. {@code /film/film.js}
     */
    static Optional<String[]> split(String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2 || pathInfo.contains("\\") || pathInfo.contains("\0")) {
            return Optional.empty();
        }
        String[] segments = pathInfo.substring(1).split("/", -1);
        if (segments.length < 2) {
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
