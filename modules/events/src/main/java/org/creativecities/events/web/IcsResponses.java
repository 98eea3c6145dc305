package org.creativecities.events.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.creativecities.core.platform.Sha256;

/**
 * How an iCalendar document is answered, by the API and by the feeds: {@code text/calendar}, a strong ETag (the
 * body's SHA-256), {@code Cache-Control: no-cache} (revalidate: a calendar application polls the feed), and 304 when
 * the client's {@code If-None-Match} names the current ETag.
 */
final class IcsResponses {

    static final String TYPE = "text/calendar;charset=UTF-8";

    private IcsResponses() {
    }

    static String etag(String body) {
        return "\"" + Sha256.hex(body) + "\"";
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals(etag) || c.equals("W/" + etag) || c.equals("*")) {
                return true;
            }
        }
        return false;
    }

    static Response of(String body, String ifNoneMatch, String fileName) {
        String etag = etag(body);
        if (matches(ifNoneMatch, etag)) {
            return Response.notModified().header("ETag", etag).header("Cache-Control", "no-cache").build();
        }
        return Response.ok(body.getBytes(StandardCharsets.UTF_8), TYPE).header("ETag", etag)
                .header("Cache-Control", "no-cache")
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"").build();
    }

    static void write(HttpServletRequest request, HttpServletResponse response, String body) throws IOException {
        String etag = etag(body);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "no-cache");
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(304);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(TYPE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The site's URL as the client reached it (scheme, host, port and context path). */
    static String base(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
    }
}
