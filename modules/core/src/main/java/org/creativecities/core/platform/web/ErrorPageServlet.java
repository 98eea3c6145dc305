package org.creativecities.core.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's error page for every answer that JAX-RS does not make itself (a static file that is not there, an
 * error in a servlet): a problem document instead of the container's HTML report, which named the product and could
 * carry an exception's text.
 */
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri == null ? request.getRequestURI() : uri.toString();
        String type;
        String title;
        String detail;
        switch (status) {
            case 404 -> {
                type = "not-found";
                title = "Not found";
                detail = "No resource at " + instance + ".";
            }
            case 405 -> {
                type = "method-not-allowed";
                title = "Method not allowed";
                detail = "This resource does not accept this method.";
            }
            default -> {
                type = status >= 500 ? "internal" : "bad-request";
                title = status >= 500 ? "Internal error" : "Bad request";
                detail = status >= 500 ? "The server could not complete the request." : "The request was refused.";
            }
        }
        response.resetBuffer();
        ServletProblems.write(response, status, type, title, detail, instance);
    }
}
