package org.creativecities.core.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The web application's error page (declared in {@code web.xml}): whatever the container itself answers with
 * an error (an {@code Error} no mapper could take, a method the static files do not serve, a status Jersey
 * sends without a body) becomes a problem document like every other error of the API, instead of the
 * container's HTML page, which names exception classes. It says nothing of the cause: that is in the log.
 */
@WebServlet(urlPatterns = ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Where the container forwards errors to. */
    static final String PATH = "/errors/container";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 404;
        if (status == 501) {
            // A servlet of the container (the static files) that has no handler for a method the API serves (PATCH):
            // the address exists, the method does not, which is a 405, not a server that lacks a feature.
            status = 405;
            if (response.getHeader("Allow") == null) {
                response.setHeader("Allow", "GET, HEAD, OPTIONS");
            }
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object id = request.getAttribute(RequestIdFilter.ATTRIBUTE);
        Problem problem = new Problem(type(status), title(status), status, detail(status, id), uri == null
                ? request.getRequestURI() : uri.toString(), id == null ? null : id.toString(), List.of());
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        String body = JsonbConfiguration.JSONB.toJson(problem);
        try {
            // JSON is UTF-8 by definition: no charset parameter, as on every other problem document.
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalStateException writerTakenAlready) {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(body);
        }
    }

    private static String type(int status) {
        return switch (status) {
            case 403 -> "/problems/forbidden";
            case 404 -> "/problems/not-found";
            case 405 -> "/problems/method-not-allowed";
            case 413 -> "/problems/payload-too-large";
            default -> status >= 500 ? "/problems/internal" : "/problems/bad-request";
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Payload too large";
            default -> status >= 500 ? "Internal error" : "Bad request";
        };
    }

    private static String detail(int status, Object requestId) {
        return switch (status) {
            case 403 -> "This address cannot be changed.";
            case 404 -> "Nothing is served at this address.";
            case 405 -> "This address does not accept this method.";
            case 413 -> "The request body is larger than this server accepts.";
            default -> status >= 500 ? "The server could not complete the request."
                    + (requestId == null ? "" : " Quote request id " + requestId + " when reporting it.")
                    : "The request could not be understood.";
        };
    }
}
