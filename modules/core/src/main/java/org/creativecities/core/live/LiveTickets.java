package org.creativecities.core.live;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.creativecities.core.identity.AccountService;
import org.creativecities.core.identity.AttemptLimit;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.RateLimits;
import org.creativecities.core.identity.Tokens;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.cluster.Cluster;
import org.creativecities.core.platform.web.EdgeRefusals;
import org.creativecities.core.platform.web.ProblemException;

/**
 * Short-lived, single-use tickets that open one WebSocket connection, so that browsers (which cannot set
 * headers on a WebSocket handshake) never put a long-lived token in a URL. Kept in memory, by hash only, in the
 * cluster's shared map ({@link Cluster#map}): a ticket issued on one node opens a connection on any node, once (the
 * map's take is atomic across nodes). A restart of a single node invalidates them, which costs a client one more
 * {@code POST /api/live/tickets}. An account gets at most {@code ccc.live.tickets-per-minute} of them (a token
 * bucket, per node); past it, 429 with {@code Retry-After}.
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

    /** The shared map's name: ticket hash to the hash of the session it was issued to. */
    static final String MAP = "live-tickets";

    private Cluster.SharedMap byHash;

    @Inject
    private Cluster cluster;

    @Inject
    private AppConfig config;

    @Inject
    private TimeSource time;

    @Inject
    private AccountService accounts;

    @Inject
    private RateLimits limits;

    private AttemptLimit perAccount;

    @PostConstruct
    void init() {
        perAccount = limits.shared("live-tickets", config.liveTicketsPerMinute(), Duration.ofMinutes(1));
        byHash = cluster.map(MAP);
    }

    public Ticket issue(Caller.Identity who) {
        perAccount.tryAcquire(Long.toString(who.id())).ifPresent(wait -> {
            throw ProblemException.tooMany("Too many live tickets for your account; wait before asking again.", wait)
                    .repeatAtEdge(EdgeRefusals.Scope.TOKEN);
        });
        Instant now = time.now().toInstant();
        String ticket = Tokens.newToken();
        Instant expires = now.plus(config.liveTicketTtl());
        byHash.put(Tokens.hash(ticket), who.tokenHash(), config.liveTicketTtl());
        return new Ticket(ticket, expires);
    }

    /**
     * The identity of the session the ticket was issued to, as it is now, if the ticket is valid and that session
     * has not ended meanwhile (signed out, account suspended: the database says so, on whichever node it ended);
     * the ticket is used up either way.
     */
    public Optional<Caller.Identity> redeem(String ticket) {
        if (ticket == null || ticket.isEmpty() || ticket.length() > 200) {
            return Optional.empty();
        }
        return byHash.take(Tokens.hash(ticket)).flatMap(accounts::session);
    }

    /**
     * Whether the ticket would open a connection now (issued, not expired, not used yet), without using it up: for
     * counting handshakes before the upgrade ({@link HandshakeLimitFilter}). A session that ended leaves its unused
     * tickets here until they expire; {@link #redeem} refuses them.
     */
    public boolean isLive(String ticket) {
        if (ticket == null || ticket.isEmpty() || ticket.length() > 200) {
            return false;
        }
        return byHash.get(Tokens.hash(ticket)).isPresent();
    }
}
