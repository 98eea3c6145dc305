package org.creativecities.events.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.creativecities.core.platform.Sha256;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.events.app.EventDtos.CalendarFeed;
import org.creativecities.events.domain.CalendarToken;
import org.creativecities.events.domain.EventRepository;

/**
 * Each person's secret "my events" feed token: 32 random bytes (URL-safe Base64), shown once when made; only its
 * SHA-256 is kept, so a new one replaces (rotates) the old, which stops working at once.
 */
@ApplicationScoped
public class CalendarTokens {

    /** The shape of a token: 43 URL-safe Base64 characters. */
    public static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private EventRepository events;

    @Inject
    private TimeSource time;

    /** A new token for the account, replacing any other: the feed's path. */
    @Transactional
    public CalendarFeed rotate(long accountId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = Sha256.hex(token);
        OffsetDateTime now = time.now();
        Optional<CalendarToken> existing = events.token(accountId);
        if (existing.isPresent()) {
            existing.get().rotate(hash, now);
        } else {
            events.addToken(new CalendarToken(accountId, hash, now));
        }
        return new CalendarFeed("/feeds/me/" + token + ".ics", now);
    }

    /** The account whose token this is. */
    @Transactional
    public Optional<Long> account(String token) {
        if (!SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return events.accountOfToken(Sha256.hex(token));
    }
}
