package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.regex.Pattern;
import org.creativecities.app.testkit.Api;

/** What every refusal of a request body must look like: a problem document that gives nothing away. */
final class JsonBodies {

    /** A Java package, class or inner class name, or an exception or DTO type, anywhere in an answer. */
    static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(java|jakarta|javax|org|com|sun)\\.[a-z]+\\.|[A-Z][a-zA-Z]+(Exception|Error|Dto|Dtos)\\b|\\$[A-Z]");
    /** A line of a Java stack trace. */
    static final Pattern STACK_FRAME = Pattern.compile("\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$]+)+\\(|\\tat ");

    private JsonBodies() {
    }

    /** Why this answer is not a clean refusal, or empty when it is one. */
    static Optional<String> unclean(Api.Response r, int... allowed) {
        return unclean(r.status(), r.header("Content-Type").orElse(""), r.body(), allowed);
    }

    /** Why an answer with this status, content type and body is not a clean refusal, if it is not. */
    static Optional<String> unclean(int status, String contentType, String body, int... allowed) {
        boolean statusOk = false;
        for (int s : allowed) {
            statusOk |= status == s;
        }
        if (!statusOk) {
            return Optional.of("status " + status);
        }
        if (!"application/problem+json".equals(contentType)) {
            return Optional.of("content type " + (contentType.isEmpty() ? "(none)" : contentType));
        }
        if (JAVA_NAME.matcher(body).find()) {
            return Optional.of("names a Java class");
        }
        if (STACK_FRAME.matcher(body).find()) {
            return Optional.of("carries a stack trace");
        }
        return Optional.empty();
    }

    /** Asserts a clean 400 that names {@code field} among its errors; returns the problem. */
    static JsonObject refused(Api.Response r, String field) {
        assertEquals(Optional.empty(), unclean(r, 400), r.toString());
        JsonObject p = r.object();
        assertEquals(400, p.getInt("status"));
        assertFalse(p.getString("detail", "").isBlank(), r.toString());
        if (field != null) {
            boolean named = p.getJsonArray("errors").stream()
                    .anyMatch(e -> field.equals(e.asJsonObject().getString("field")));
            assertEquals(true, named, "the problem names the field '" + field + "': " + r);
        }
        return p;
    }
}
