package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The container does not describe itself (issue 12, Medium 11): no WADL, no product or version in any header or
 * body, and an {@code Authorization} header that is not ASCII is an ordinary 401 problem.
 */
@ExtendWith(SharedServer.class)
class WebDisclosureIT {

    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final List<String> TELLTALES = List.of("jersey", "wadl", "payara", "glassfish", "grizzly",
            "servlet/", "jsp/", "badassfish");

    private static void assertNothingTold(String what, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String t : TELLTALES) {
            assertFalse(lower.contains(t), what + " names '" + t + "':\n" + text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/fields", "/api/cities/lyon", "/api/admin/plugins", "/api/nosuch", "/api",
        "/api/plugins/film/cities/lyon/screenings"})
    void optionsDoesNotDescribeTheContainer(String path, PackagedServer server) {
        WebRawHttp.Exchange e = WebRawHttp.send(server.port(),
                "OPTIONS " + path + " HTTP/1.1\nHost: localhost\nConnection: close\n\n", QUIET);
        assertNothingTold("OPTIONS " + path, e.text());
        assertFalse(e.text().contains("<application"), e.text());
    }

    @Test
    void thereIsNoWadl(Api api) {
        for (String path : List.of("/api/application.wadl", "/api/application.wadl?detail=true",
                "/api/application.wadl/xsd0.xsd")) {
            Api.Response r = api.request("GET", path).header("Accept", "*/*").send();
            assertEquals(404, r.status(), path + ": " + r);
            assertFalse(r.body().contains("<application") || r.body().toLowerCase(Locale.ROOT).contains("jersey"),
                    path + ": " + r);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/fields", "GET /", "GET /api/nosuch", "GET /nosuch.css", "POST /api/sessions",
        "GET /health", "BREW /api/fields"})
    void noHeaderNamesTheProductOrItsVersion(String request, PackagedServer server) {
        WebRawHttp.Exchange e = WebRawHttp.send(server.port(),
                request + " HTTP/1.1\nHost: localhost\nContent-Length: 0\nConnection: close\n\n", QUIET);
        assertFalse(e.statuses().isEmpty(), request + ": no answer");
        assertNull(e.header("X-Powered-By"), request + ":\n" + e.text());
        String serverHeader = e.header("Server");
        assertTrue(serverHeader == null || !serverHeader.matches(".*\\d.*"), request + ":\n" + e.text());
        int head = e.text().indexOf("\r\n\r\n");
        assertNothingTold(request, head < 0 ? e.text() : e.text().substring(0, head));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nosuch.css", "/webjars/nosuch/1.0/nosuch.js", "/ui/nosuch.js"})
    void theContainersOwnErrorPagesAreProblems(String path, PackagedServer server) {
        WebRawHttp.Exchange e = WebRawHttp.send(server.port(),
                "GET " + path + " HTTP/1.1\nHost: localhost\nConnection: close\n\n", QUIET);
        assertEquals(List.of(404), e.statuses(), e.text());
        assertEquals("application/problem+json", e.header("Content-Type"), e.text());
        assertNothingTold(path, e.text());
    }

    @Test
    void aNonAsciiAuthorizationHeaderIs401Problem(PackagedServer server) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes("GET /api/me HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer "
                .getBytes(StandardCharsets.US_ASCII));
        request.writeBytes("jeton-été-✓".getBytes(StandardCharsets.UTF_8));
        request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        WebRawHttp.Exchange e = WebRawHttp.send(server.port(), request.toByteArray(), QUIET);
        assertEquals(List.of(401), e.statuses(), e.text());
        assertEquals("application/problem+json", e.header("Content-Type"), e.text());
        assertTrue(e.body().contains("\"status\":401"), e.text());
    }

    @Test
    void aNonAsciiBearerOnAPublicEndpointIsAlso401(PackagedServer server) {
        WebRawHttp.Exchange e = WebRawHttp.send(server.port(), ("GET /api/fields HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nAuthorization: Bearer \u00e9t\u00e9\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), QUIET);
        assertEquals(List.of(401), e.statuses(), e.text());
        assertEquals("application/problem+json", e.header("Content-Type"), e.text());
    }
}
