package org.creativecities.core.live;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.creativecities.core.identity.AccountService;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.RateLimiter;
import org.creativecities.core.identity.SessionEvents;
import org.creativecities.core.identity.Tokens;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.web.EdgeRefusals;
import org.creativecities.core.platform.web.ProblemException;

/**
 * Short-lived, single-use tickets that open one WebSocket connection, so that browsers (which cannot set
 * headers on a WebSocket handshake) never put a long-lived token in a URL. Kept in memory, by hash only:
 * a restart invalidates them, which costs a client one more {@code POST /api/live/tickets}. An account gets at
 * most {@code ccc.live.tickets-per-minute} of them (a token bucket); past it, 429 with {@code Retry-After}.
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

    @Inject
    private AccountService accounts;

    private RateLimiter perAccount;

    @PostConstruct
    void init() {
        perAccount = new RateLimiter(config.liveTicketsPerMinute(), Duration.ofMinutes(1));
    }

    public Ticket issue(Caller.Identity who) {
        perAccount.tryAcquire(Long.toString(who.id())).ifPresent(wait -> {
            throw ProblemException.tooMany("Too many live tickets for your account; wait before asking again.", wait)
                    .repeatAtEdge(EdgeRefusals.Scope.TOKEN);
        });
        Instant now = time.now().toInstant();
        byHash.values().removeIf(e -> e.expiresAt().isBefore(now));
        String ticket = Tokens.newToken();
        Instant expires = now.plus(config.liveTicketTtl());
        byHash.put(Tokens.hash(ticket), new Entry(who, expires));
        return new Ticket(ticket, expires);
    }

    /**
     * The identity of the session the ticket was issued to, as it is now, if the ticket is valid and that session
     * has not ended meanwhile (signed out, account suspended); the ticket is used up either way.
     */
    public Optional<Caller.Identity> redeem(String ticket) {
        if (ticket == null || ticket.isEmpty() || ticket.length() > 200) {
            return Optional.empty();
        }
        Entry e = byHash.remove(Tokens.hash(ticket));
        if (e == null || e.expiresAt().isBefore(time.now().toInstant())) {
            return Optional.empty();
        }
        return accounts.session(e.identity().tokenHash());
    }

    /**
     * Whether the ticket would open a connection now (issued, not expired, not used yet), without using it up: for
     * counting handshakes before the upgrade ({@link HandshakeLimitFilter}), in memory only.
     */
    public boolean isLive(String ticket) {
        if (ticket == null || ticket.isEmpty() || ticket.length() > 200) {
            return false;
        }
        Entry e = byHash.get(Tokens.hash(ticket));
        return e != null && !e.expiresAt().isBefore(time.now().toInstant());
    }

    /** A session that ended takes its unused tickets with it. */
    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEvents.Revoked event) {
        byHash.values().removeIf(e -> e.identity().id() == event.accountId()
                && event.covers(e.identity().tokenHash()));
    }
}
