package org.creativecities.core.space;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.AdminChange;
import org.creativecities.core.platform.TimeSource;

/**
 * Writes every {@link AdminChange} to the audit log, next to the moderation actions: the signed-in caller of the
 * request that made it (or "system", account 0, for changes the server makes by itself), what, to what, the value
 * before and after, and when. Joins the change's transaction when there is one.
 */
@ApplicationScoped
public class AdminChangeRecorder {

    /** The longest before or after value kept; longer ones are cut, with an ellipsis. */
    static final int MAX_VALUE = 4000;

    @Inject
    private ModerationRepository repository;

    @Inject
    private TimeSource time;

    @Inject
    private Caller caller;

    @Inject
    private BeanManager beans;

    @Transactional
    void record(@Observes AdminChange change) {
        Optional<Caller.Identity> who = requestActive() ? caller.identity() : Optional.empty();
        repository.record(AuditEntry.change(who.map(Caller.Identity::id).orElse(0L),
                who.map(Caller.Identity::displayName).orElse("system"), change.action(), change.subject(),
                clip(change.before()), clip(change.after()), time.now()));
    }

    private boolean requestActive() {
        try {
            return beans.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }

    private static String clip(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + "…";
    }
}
