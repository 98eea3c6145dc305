package org.creativecities.core.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.Sha256;

/**
 * Rate-limit refusals repeated at the edge. A client that a rate limit told to wait (429 with {@code Retry-After},
 * marked with {@link ProblemException#repeatAtEdge}) and asks again before the wait is over is refused by
 * {@link RequestFramingFilter}, before authentication, JAX-RS, body parsing or a transaction: a flood of refused
 * requests then costs the server what parsing their heads costs, and no more. The rate limit itself stays the
 * authority; this only remembers its last answer for the same request (method and path) and client.
 *
 * <p>The request is its method and its path as the application routes it (see {@link #canonicalPath}), so that
 * {@code /api/sessions/} or {@code /api/sessions;x} is the same request. The client is its address
 * ({@link Scope#ADDRESS}, as {@link ClientAddress} resolves it) or the {@code Authorization} header it sends
 * ({@link Scope#TOKEN}, kept as a SHA-256 hash, never checked here: a client can only refuse itself). At most
 * {@link #MAX_ENTRIES} refusals are remembered; past that, expired ones are dropped, and while it is still full new
 * ones are not remembered (their requests reach the rate limit, which answers as before).
 */
@ApplicationScoped
public class EdgeRefusals {

    /** What identifies the client that was told to wait. */
    public enum Scope {
        /** The client's address: per-address limits (sign-in and registration attempts). */
        ADDRESS,
        /** The bearer token the request carries: per-account limits (live tickets). */
        TOKEN
    }

    /** The most refusals remembered at once. */
    static final int MAX_ENTRIES = 10_000;
    /** Longest path remembered: the operations whose refusals are repeated have short paths. */
    static final int MAX_PATH = 200;

    /** When each remembered refusal is over ({@link System#nanoTime()}); expired ones are swept out when it is full. */
    private final BoundedMap<String, Long> until = new BoundedMap<>(MAX_ENTRIES, t -> t - System.nanoTime() <= 0);

    @Inject
    private AppConfig config;

    /** Remembers that this request's client must wait {@code wait} before asking again. */
    public void remember(HttpServletRequest request, Scope scope, Duration wait) {
        canonicalPath(request.getRequestURI()).flatMap(path -> key(request, path, scope))
                .ifPresent(key -> until.put(key, System.nanoTime() + wait.toNanos()));
    }

    /** How long this request's client must still wait, if a refusal for it is remembered and not over. */
    public Optional<Duration> refusal(HttpServletRequest request) {
        if (until.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> path = canonicalPath(request.getRequestURI());
        if (path.isEmpty()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        for (Scope scope : Scope.values()) {
            Optional<String> key = key(request, path.get(), scope);
            Long end = key.map(until::get).orElse(null);
            if (end != null) {
                if (end - now > 0) {
                    return Optional.of(Duration.ofNanos(end - now));
                }
                until.remove(key.get(), end);
            }
        }
        return Optional.empty();
    }

    private Optional<String> key(HttpServletRequest request, String path, Scope scope) {
        String client;
        if (scope == Scope.ADDRESS) {
            client = ClientAddress.resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
                    config.trustedProxies());
        } else {
            String authorization = request.getHeader("Authorization");
            if (authorization == null) {
                return Optional.empty();
            }
            client = Sha256.hex(authorization.strip());
        }
        return Optional.of(scope + " " + request.getMethod() + " " + path + " " + client);
    }

    /**
     * The path as the application routes it: without path parameters ({@code ;x}), escapes decoded (those of
     * separators and dot segments never get here: {@link RequestPaths} refuses them first), without a trailing
     * slash. Empty for paths too long to be one of the operations whose refusals are repeated.
     */
    static Optional<String> canonicalPath(String uri) {
        if (uri == null || uri.length() > MAX_PATH * 3) {
            return Optional.empty();
        }
        StringBuilder path = new StringBuilder();
        for (String segment : uri.split("/")) {
            int params = segment.indexOf(';');
            String bare = params >= 0 ? segment.substring(0, params) : segment;
            if (!bare.isEmpty()) {
                path.append('/').append(decode(bare));
            }
        }
        return path.length() <= MAX_PATH ? Optional.of(path.toString()) : Optional.empty();
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
