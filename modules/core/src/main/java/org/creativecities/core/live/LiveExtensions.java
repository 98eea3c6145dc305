package org.creativecities.core.live;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.creativecities.core.identity.RateLimiter;

/**
 * The {@link LiveExtension}s found at start, by type prefix, each with its rate limits. {@link #claim} decides, before
 * a frame is parsed, whether it belongs to an extension (and so which limits it is charged to), from a scan for its
 * {@code "type"} member; after parsing, the engine checks that the parsed type agrees ({@link #routeOf}), so a frame
 * cannot be charged to one limit and handled by another.
 */
final class LiveExtensions {

    /** One extension and its limits. */
    static final class Route {
        final LiveExtension extension;
        final String prefix;
        private final RateLimiter perConnection;
        private final RateLimiter perAccount;

        Route(LiveExtension extension) {
            this.extension = extension;
            this.prefix = extension.typePrefix();
            this.perConnection = new RateLimiter(extension.framesPerMinute(), Duration.ofMinutes(1));
            this.perAccount = new RateLimiter(extension.accountFramesPerMinute(), Duration.ofMinutes(1));
        }

        /** Charges a signed-in connection's frame to this extension's limits; false when over. */
        boolean admit(String connectionId, long accountId) {
            return perConnection.tryAcquire(connectionId).isEmpty()
                    && perAccount.tryAcquire(Long.toString(accountId)).isEmpty();
        }
    }

    private static final String TYPE = "\"type\"";

    private final Map<String, Route> byPrefix;

    LiveExtensions(List<LiveExtension> extensions) {
        for (LiveExtension e : extensions) {
            String p = e.typePrefix();
            if (p == null || p.length() < 2 || !p.endsWith(".") || p.indexOf('.') != p.length() - 1) {
                throw new IllegalStateException("A live extension's type prefix is one word and a dot: '" + p + "'");
            }
        }
        this.byPrefix = extensions.stream().map(Route::new)
                .collect(Collectors.toUnmodifiableMap(r -> r.prefix, Function.identity()));
    }

    boolean isEmpty() {
        return byPrefix.isEmpty();
    }

    /** Every extension. */
    List<LiveExtension> all() {
        return byPrefix.values().stream().map(r -> r.extension).toList();
    }

    /** The extension for a parsed frame type: the part up to its first dot, if an extension registered it. */
    Optional<Route> routeOf(String type) {
        int dot = type.indexOf('.');
        return dot <= 0 || byPrefix.isEmpty() ? Optional.empty()
                : Optional.ofNullable(byPrefix.get(type.substring(0, dot + 1)));
    }

    /**
     * The extension a frame's text names in its first {@code "type": "…"} member, found without parsing (room frames
     * have a type without a dot and go on at once); null for none.
     */
    Route claim(String text) {
        if (byPrefix.isEmpty()) {
            return null;
        }
        int at = 0;
        while ((at = text.indexOf(TYPE, at)) >= 0) {
            int i = skipSpace(text, at + TYPE.length());
            at += TYPE.length();
            if (i >= text.length() || text.charAt(i) != ':') {
                continue;
            }
            i = skipSpace(text, i + 1);
            if (i >= text.length() || text.charAt(i) != '"') {
                return null;
            }
            int dot = text.indexOf('.', i + 1);
            int quote = text.indexOf('"', i + 1);
            if (dot < 0 || quote < dot) {
                return null;
            }
            return byPrefix.get(text.substring(i + 1, dot + 1));
        }
        return null;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
