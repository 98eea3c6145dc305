package org.creativecities.core.platform.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.AppConfig;

/**
 * The one reader of JSON request bodies: every record body and every JSON-P tree an operation takes is read
 * here, never by JSON-B's lenient defaults. The body is parsed with limits ({@link JsonTreeReader}: depth,
 * numbers, duplicates, trailing text) and then bound strictly ({@link JsonBinder}: no type coercion, no
 * unknown properties, no {@code null} body). Anything refused is a 400 problem naming the place in the body;
 * it is logged at FINE only, without a stack trace, because it is the client's mistake.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
@Priority(Priorities.USER - 1000)
public class StrictJsonReader implements MessageBodyReader<Object> {

    private static final Logger LOG = Logger.getLogger(StrictJsonReader.class.getName());

    @Inject
    private AppConfig config;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() || JsonValue.class.isAssignableFrom(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) {
        try {
            JsonValue tree = new JsonTreeReader(config.jsonDepthMax()).read(entityStream, charset(mediaType));
            return JsonBinder.bind(tree, genericType == null ? type : genericType);
        } catch (ProblemException refused) {
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine("Refused a JSON body: " + refused.getMessage());
            }
            throw refused;
        }
    }

    private static Charset charset(MediaType mediaType) {
        String name = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw JsonTreeReader.malformed(JsonPaths.ROOT, "The body's charset is not supported; send UTF-8.");
        }
    }
}
