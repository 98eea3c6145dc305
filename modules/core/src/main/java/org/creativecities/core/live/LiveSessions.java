package org.creativecities.core.live;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.identity.AccountService;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SessionEvents;
import org.creativecities.core.platform.cluster.Cluster;

/**
 * Keeps live connections in step with the sessions they were opened with. A connection acts for the session
 * (token) that opened it, directly or through a ticket: when that session ends (sign-out, sign-out everywhere) the
 * connection is closed with {@link #SESSION_ENDED}; when the account changes (administration granted or withdrawn,
 * renamed) the connection looks the account up again, so its next frame is decided on the new rights. Both happen
 * as soon as the change has committed, before the request that made it has answered. Once a minute every
 * signed-in connection is looked up again, so that a session that ended any other way (it expired) ends its
 * connections too, at most a minute late.
 *
 * <p>In a cluster, the node where the session ended or the account changed tells the others (the topic
 * {@value #TOPIC}, the account's id); each looks its connections of that account up again in the database. A lost
 * message costs at most the minute's sweep.
 */
@ApplicationScoped
public class LiveSessions {

    /** WebSocket close code for a connection whose session ended: 4401, like HTTP's 401. */
    static final CloseReason.CloseCode SESSION_ENDED = CloseReason.CloseCodes.getCloseCode(4401);

    private static final Logger LOG = Logger.getLogger(LiveSessions.class.getName());

    /** The cluster topic on which a node names an account whose sessions or rights changed. */
    static final String TOPIC = "live.sessions";

    /** How often every signed-in connection's session is looked up again. */
    private static final long SWEEP_MINUTES = 1;

    @Inject
    private LiveEngine engine;

    @Inject
    private AccountService accounts;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private Cluster cluster;

    private ScheduledFuture<?> sweep;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        sweep = scheduler.scheduleWithFixedDelay(this::recheckAll, SWEEP_MINUTES, SWEEP_MINUTES, TimeUnit.MINUTES);
        cluster.subscribe(TOPIC, message -> engine.later(() -> recheckAccount(message)));
    }

    /** Another node names an account: its connections here are looked up again. */
    private void recheckAccount(String message) {
        try {
            for (Connection c : engine.connectionsOf(Long.parseLong(message))) {
                recheck(c);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Re-checking live connections for another node failed", e);
        }
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    private void recheckAll() {
        for (Connection c : engine.connections()) {
            try {
                recheck(c);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Re-checking a live connection's session failed", e);
            }
        }
    }

    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEvents.Revoked event) {
        for (Connection c : engine.connectionsOf(event.accountId())) {
            Optional<String> hash = c.who().map(Caller.Identity::tokenHash);
            if (hash.isPresent() && event.covers(hash.get())) {
                end(c);
            }
        }
        cluster.publish(TOPIC, Long.toString(event.accountId()));
    }

    void accountChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEvents.AccountChanged event) {
        for (Connection c : engine.connectionsOf(event.accountId())) {
            recheck(c);
        }
        cluster.publish(TOPIC, Long.toString(event.accountId()));
    }

    /** Looks the connection's session up again: ended, it is closed; otherwise it acts with the account's rights now. */
    void recheck(Connection c) {
        Optional<String> hash = c.who().map(Caller.Identity::tokenHash);
        if (hash.isEmpty() || c.revoked()) {
            return;
        }
        Optional<Caller.Identity> now = accounts.session(hash.get());
        if (now.isPresent()) {
            c.reauthorized(now.get());
        } else {
            end(c);
        }
    }

    private void end(Connection c) {
        LOG.fine(() -> "Closing live connection " + c.id() + ": session ended");
        engine.sessionEnded(c, SESSION_ENDED, "session ended");
    }
}
