package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.Tokens;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.TimeSource;

/**
 * Short-lived, single-use tickets that open one WebSocket connection, so that browsers (which cannot set
 * headers on a WebSocket handshake) never put a long-lived token in a URL. Kept in memory, by hash only:
 * a restart invalidates them, which costs a client one more {@code POST /api/live/tickets}.
 */
@ApplicationScoped
public class LiveTickets {

    /**
     * An issued ticket.
     *
     * @param ticket    the secret, shown once
     * @param expiresAt when it stops working
     */
    public record Ticket(String ticket, Instant expiresAt) {
    }

    private record Entry(Caller.Identity identity, Instant expiresAt) {
    }

    private final ConcurrentMap<String, Entry> byHash = new ConcurrentHashMap<>();

    @Inject
    private AppConfig config;

    @Inject
    private TimeSource time;

    public Ticket issue(Caller.Identity who) {
        Instant now = time.now().toInstant();
        byHash.values().removeIf(e -> e.expiresAt().isBefore(now));
        String ticket = Tokens.newToken();
        Instant expires = now.plus(config.liveTicketTtl());
        byHash.put(Tokens.hash(ticket), new Entry(who, expires));
        return new Ticket(ticket, expires);
    }

    /** The identity the ticket was issued to, if it is valid; the ticket is used up either way. */
    public Optional<Caller.Identity> redeem(String ticket) {
        if (ticket == null || ticket.isEmpty() || ticket.length() > 200) {
            return Optional.empty();
        }
        Entry e = byHash.remove(Tokens.hash(ticket));
        if (e == null || e.expiresAt().isBefore(time.now().toInstant())) {
            return Optional.empty();
        }
        return Optional.of(e.identity());
    }
}
