package org.creativecities.core.openapi;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.creativecities.core.plugin.PluginRouteCatalogue;

/**
 * Serves {@code /openapi} with the running plugins' routes in it ({@link PluginPaths}). Payara builds its document
 * once, at deployment, before any plugin runs, and plugins come and go at run time; so this filter merges Payara's
 * JSON form with the plugins that run at that moment, and answers in the form the client asked for
 * ({@link OpenApiFormat}): JSON, or YAML ({@link YamlText}). An answer other than a 200 JSON document passes
 * through as it is.
 *
 * <p>The merged document is kept until the running plugins' routes change ({@link MergedDocument}): a repeated,
 * anonymous GET costs a comparison of the route tables, not a parse and a write of the whole document. It carries
 * an {@code ETag}, and a matching {@code If-None-Match} is answered 304.
 */
@WebFilter(urlPatterns = {"/openapi", "/openapi/*"}, asyncSupported = true)
public class PluginPathsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final JsonReaderFactory READERS = Json.createReaderFactory(null);
    private static final JsonWriterFactory WRITERS = Json.createWriterFactory(null);

    @Inject
    private PluginRouteCatalogue plugins;

    private volatile MergedDocument cached;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        boolean json = OpenApiFormat.wantsJson(request.getParameter("format"), request.getHeader("Accept"));
        List<PluginRouteCatalogue.PluginRoutes> running = plugins.running();
        boolean whole = request.getRequestURI().equals(request.getContextPath() + "/openapi");
        MergedDocument document = cached;
        if (!whole || document == null || !document.plugins().equals(running)) {
            CapturedResponse captured = new CapturedResponse(response);
            chain.doFilter(new OpenApiFormat.JsonRequest(request), captured);
            byte[] body = captured.body();
            JsonObject payara = parse(captured, body);
            if (payara == null) {
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                return;
            }
            JsonObject merged = PluginPaths.merge(payara, running);
            document = MergedDocument.of(running, write(merged).getBytes(StandardCharsets.UTF_8),
                    YamlText.of(merged).getBytes(StandardCharsets.UTF_8));
            if (whole) {
                cached = document;
            }
        }
        byte[] out = json ? document.json() : document.yaml();
        String tag = json ? document.jsonTag() : document.yamlTag();
        response.setHeader("ETag", tag);
        response.setHeader("Cache-Control", "no-cache");
        if (tag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(json ? "application/json" : "text/plain");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(out.length);
        response.getOutputStream().write(out);
    }

    private static JsonObject parse(CapturedResponse captured, byte[] body) {
        String type = captured.getContentType();
        if (captured.getStatus() != 200 || type == null || !type.startsWith("application/json")) {
            return null;
        }
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static String write(JsonObject document) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = WRITERS.createWriter(text)) {
            writer.writeObject(document);
        }
        return text.toString();
    }
}
