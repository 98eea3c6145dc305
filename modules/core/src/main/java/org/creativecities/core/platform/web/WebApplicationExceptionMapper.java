package org.creativecities.core.platform.web;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Gives the JAX-RS runtime's own errors (unknown path, wrong method, unsupported media type, unreadable
 * body) the same problem shape as ours.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        return problem(request, exception);
    }

    /** The problem document for one of the runtime's own errors; for mappers of more specific errors. */
    public static Response problem(HttpServletRequest request, WebApplicationException exception) {
        int status = exception.getResponse() == null ? 500 : exception.getResponse().getStatus();
        if (isUnreadableJson(exception)) {
            return malformed(request, exception);
        }
        String title;
        String detail;
        String type;
        switch (status) {
            case 404 -> {
                type = "/problems/not-found";
                title = "Not found";
                detail = "No resource at " + (request == null ? "this path" : request.getRequestURI()) + ".";
            }
            case 405 -> {
                type = "/problems/method-not-allowed";
                title = "Method not allowed";
                detail = "This resource does not accept " + (request == null ? "this method" : request.getMethod())
                        + ".";
            }
            case 406 -> {
                type = "/problems/not-acceptable";
                title = "Not acceptable";
                detail = "This resource cannot produce the media type named in the Accept header.";
            }
            case 413 -> {
                type = "/problems/payload-too-large";
                title = "Payload too large";
                detail = exception.getMessage();
            }
            case 415 -> {
                type = "/problems/unsupported-media-type";
                title = "Unsupported media type";
                detail = "Send the body as application/json" + (request == null || request.getContentType() == null
                        ? "." : ", not " + request.getContentType() + ".");
            }
            default -> {
                type = status >= 500 ? "/problems/internal" : "/problems/bad-request";
                title = status >= 500 ? "Internal error" : "Bad request";
                detail = status >= 500 ? "The server could not complete the request." : exception.getMessage();
            }
        }
        Response original = exception.getResponse();
        Response problem = Problems.response(request, status, type, title, detail, List.of(), null);
        if (status == 405 && original != null && original.getHeaderString("Allow") != null) {
            return Response.fromResponse(problem).header("Allow", original.getHeaderString("Allow")).build();
        }
        return problem;
    }

    static boolean isUnreadableJson(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern UNKNOWN_PROPERTY =
            java.util.regex.Pattern.compile("Json property (\\S+) can not be mapped");

    /**
     * A body that JSON-B could not read (bodies of ours are read by {@link StrictJsonReader}). The parser's
     * message names Java types, so only an unknown property's name is taken from it.
     */
    static Response malformed(HttpServletRequest request, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException) {
                java.util.regex.Matcher unknown = UNKNOWN_PROPERTY.matcher(String.valueOf(t.getMessage()));
                if (unknown.find()) {
                    String property = unknown.group(1);
                    return Problems.response(request, 400, "/problems/unknown-property", "Unknown property",
                            "The body has a property this operation does not take: '" + property + "'.",
                            List.of(new Problem.FieldError(property, "unknown property")), null);
                }
            }
        }
        return Problems.response(request, 400, "/problems/malformed-json", "Malformed JSON",
                "The request body is not valid JSON for this operation.",
                List.of(new Problem.FieldError(JsonPaths.ROOT, "not valid JSON for this operation")), null);
    }
}
