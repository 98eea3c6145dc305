package org.creativecities.core.platform.web;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.creativecities.core.platform.Sha256;

/**
 * A JSON response body serialised once, exactly as JAX-RS would write it (same JSON-B settings), with a strong
 * entity tag derived from its bytes. Meant for read models that answer the same body to many requests: the
 * bytes are kept and written as they are, and a client that sends the tag back in {@code If-None-Match} gets
 * {@code 304 Not Modified} without a body.
 *
 * <p>Responses carry {@code Cache-Control: no-cache}: a browser may keep the body but must revalidate it on
 * each use, so that a change is seen by the very next request.
 */
public final class JsonRepresentation {

    private static final CacheControl REVALIDATE = CacheControl.valueOf("no-cache");

    private final byte[] body;
    private final EntityTag tag;

    private JsonRepresentation(byte[] body) {
        this.body = body;
        this.tag = new EntityTag(digest(body));
    }

    /** Serialises {@code value} with the API's JSON-B settings. */
    public static JsonRepresentation of(Object value) {
        return new JsonRepresentation(JsonbConfiguration.JSONB.toJson(value).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The response to a GET: {@code 304} if the request's {@code If-None-Match} names this body's tag, else
     * {@code 200} with the body; both with the tag and the caching policy. An {@code If-None-Match} or
     * {@code If-Match} that is not a list of entity tags is the client's mistake: 400 (JAX-RS fails to parse it, which
     * would otherwise be a 500 with a stack trace in the log).
     */
    public Response respond(Request request) {
        Response.ResponseBuilder notModified;
        try {
            notModified = request.evaluatePreconditions(tag);
        } catch (ProcessingException unreadable) {
            throw ProblemException.badRequest("Invalid header",
                    "If-None-Match and If-Match must be '*' or a list of entity tags (\"...\" or W/\"...\").");
        }
        Response.ResponseBuilder answer = notModified != null ? notModified
                : Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(tag);
        return answer.cacheControl(REVALIDATE).build();
    }

    private static String digest(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.digest(bytes)).substring(0, 27);
    }
}
