package org.creativecities.core.platform.web;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.creativecities.core.platform.LogThrottle;

/**
 * Gives every request an id, echoes it in {@code X-Request-Id}, and writes one structured (JSON) access
 * log line per request carrying it. A well-formed id sent by the client or a proxy is kept, so one id
 * follows a request across systems.
 *
 * <p>Client errors (4xx) repeat cheaply, and a flood of them must not fill the log: 4xx answers are logged at most
 * ten times a minute per status, method and path, and the next line of that kind says in {@code "omitted"} how many
 * were not logged in between. Other answers are all logged.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The request attribute and header that carry the id. */
    public static final String ATTRIBUTE = "ccc.requestId";
    public static final String HEADER = "X-Request-Id";

    private static final Logger ACCESS = Logger.getLogger("ccc.access");
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final String STARTED = "ccc.started";
    private static final HexFormat HEX = HexFormat.of();
    /**
     * Created once: {@code Json.createObjectBuilder()} looks the JSON-P provider up with a class-path scan on every
     * call, which profiling showed on every request (docs/benchmarks.md). The line is generated straight into text,
     * without building a JSON object first.
     */
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(null);
    /** Access-log lines per minute for one kind of client error (status, method, path); the rest are counted. */
    static final int CLIENT_ERROR_LINES = 10;
    /** Paths longer than this are cut in the access log and in the class of a repeated refusal. */
    private static final int MAX_PATH = 256;
    /**
     * Repeated client errors: at most {@value #CLIENT_ERROR_LINES} lines a minute per kind; at most 1,024 kinds at a
     * time (then one shared kind).
     */
    private static final LogThrottle CLIENT_ERRORS = new LogThrottle(Duration.ofMinutes(1), CLIENT_ERROR_LINES, 1024,
            System::nanoTime);

    @Override
    public void filter(ContainerRequestContext request) {
        String id = idFor(request.getHeaderString(HEADER));
        // On the servlet container, request properties are the servlet request's attributes: the exception mappers
        // read the id from there.
        request.setProperty(ATTRIBUTE, id);
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(ATTRIBUTE);
        if (id == null) {
            return;
        }
        response.getHeaders().putSingle(HEADER, id);
        Object started = request.getProperty(STARTED);
        long micros = started instanceof Long s ? (System.nanoTime() - s) / 1000 : -1;
        log(id.toString(), request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(),
                response.getStatus(), micros, request.getProperty("ccc.accountId"));
    }

    /** Writes one access-log line; also used for requests refused before they reach JAX-RS. */
    static void log(String id, String method, String path, int status, long micros, Object account) {
        if (ACCESS.isLoggable(Level.INFO)) {
            String shown = path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "..." : path;
            long omitted = status >= 400 && status < 500
                    ? CLIENT_ERRORS.admit(status + " " + method + " " + shown) : 0;
            if (omitted < 0) {
                return;
            }
            StringWriter line = new StringWriter(192);
            try (JsonGenerator json = JSON.createGenerator(line)) {
                json.writeStartObject()
                        .write("event", "http")
                        .write("requestId", id)
                        .write("method", method)
                        .write("path", shown)
                        .write("status", status)
                        .write("micros", micros);
                if (account != null) {
                    json.write("account", account.toString());
                }
                if (omitted > 0) {
                    json.write("omitted", omitted);
                }
                json.writeEnd();
            }
            ACCESS.log(accessRecord(line.toString()));
        }
    }

    /**
     * The access-log record, made here: {@code Logger.info} would look up the logger's resource bundle in a method
     * synchronised on the logger, one lock for every request thread (seen in the profile); the line is never
     * localised.
     */
    private static LogRecord accessRecord(String line) {
        LogRecord record = new LogRecord(Level.INFO, line);
        record.setLoggerName(ACCESS.getName());
        return record;
    }

    /** The id of a request that sent {@code incoming} in {@value #HEADER}: kept if well-formed, else a new one. */
    static String idFor(String incoming) {
        return incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : newId();
    }

    /**
     * 96 random bits in hex. An id correlates log lines and is no secret, so it comes from the thread's own generator:
     * a shared {@code SecureRandom} serialises every request on one lock, which profiling showed under load.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextInt());
    }
}
