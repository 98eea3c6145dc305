package org.creativecities.core.platform.web;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.BooleanSupplier;
import org.creativecities.core.platform.Sha256;

/**
 * A JSON response body serialised once, exactly as JAX-RS would write it (same JSON-B settings), with a strong
 * entity tag derived from its bytes. Meant for read models that answer the same body to many requests: the
 * bytes are kept and written as they are, and a client that sends the tag back in {@code If-None-Match} gets
 * {@code 304 Not Modified} without a body.
 *
 * <p>Responses carry {@code Cache-Control: no-cache}: a browser may keep the body but must revalidate it on
 * each use, so that a change is seen by the very next request.
 *
 * <p>A {@linkplain #shared shared} representation is public data, the same for every visitor, for as long as its
 * read model says it is current: {@link PublicReadCache} answers repeated anonymous requests for it before JAX-RS.
 */
public final class JsonRepresentation {

    /** The {@code Cache-Control} value (also written outside JAX-RS, by {@link PublicReadCache}). */
    static final String CACHE_CONTROL = "no-cache";
    private static final CacheControl REVALIDATE = CacheControl.valueOf(CACHE_CONTROL);

    private final byte[] body;
    private final EntityTag tag;
    private final String etag;
    private final BooleanSupplier current;

    private JsonRepresentation(byte[] body, BooleanSupplier current) {
        this.body = body;
        this.tag = new EntityTag(digest(body));
        this.etag = '"' + tag.getValue() + '"';
        this.current = current;
    }

    /** Serialises {@code value} with the API's JSON-B settings. */
    public static JsonRepresentation of(Object value) {
        return new JsonRepresentation(serialise(value), null);
    }

    /**
     * Serialises {@code value}, public data that every visitor may read and that is the same for all of them, as
     * long as {@code current} answers true (it is asked on every reuse, so it must be cheap). Anonymous requests
     * that JAX-RS answered with it may then be answered again from memory.
     */
    public static JsonRepresentation shared(Object value, BooleanSupplier current) {
        return new JsonRepresentation(serialise(value), current);
    }

    private static byte[] serialise(Object value) {
        return JsonbConfiguration.JSONB.toJson(value).getBytes(StandardCharsets.UTF_8);
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
                : Response.ok(this, MediaType.APPLICATION_JSON_TYPE).tag(tag);
        return answer.cacheControl(REVALIDATE).build();
    }

    /** Whether this body may be answered again to any visitor: shared, and its read model has not changed since. */
    boolean reusable() {
        return current != null && current.getAsBoolean();
    }

    byte[] body() {
        return body;
    }

    /** The entity tag as the {@code ETag} header shows it (quoted). */
    String etag() {
        return etag;
    }

    /** The opaque part of the entity tag, without quotes. */
    String tagValue() {
        return tag.getValue();
    }

    private static String digest(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.digest(bytes)).substring(0, 27);
    }

    /** Writes a representation as its bytes. */
    @Provider
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Writer implements MessageBodyWriter<JsonRepresentation> {

        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return type == JsonRepresentation.class;
        }

        @Override
        public void writeTo(JsonRepresentation representation, Class<?> type, Type genericType,
                            Annotation[] annotations, MediaType mediaType, MultivaluedMap<String, Object> headers,
                            OutputStream out) throws IOException {
            out.write(representation.body);
        }
    }
}
