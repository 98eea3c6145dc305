package org.creativecities.notifications.app;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.Bootstrap;
import org.creativecities.core.platform.persistence.SharedDatabase;
import org.creativecities.notifications.domain.Notification;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers an announcement to its audience off the sender's request, on a managed thread, in batches of
 * {@code ccc.notifications.announcements.batch-size} (200) people: each batch's notifications are stored in one short transaction together with the
 * announcement's cursor and this node's claim on the fan-out ({@link AnnouncementBatches#next}), then pushed live
 * to the recipients' connections with their unread counts, then mailed to those who chose immediate mail for
 * announcements. Nobody gets an announcement twice (the cursor moves in the batch's transaction; a unique key backs
 * it); at start-up, announcements whose fan-out did not complete are resumed after their cursor. On a shared
 * database every {@value #SWEEP_INTERVAL} (PT5S) each node also looks for unfinished fan-outs, and takes over one
 * whose node's claim ({@value #CLAIM}, PT1M, renewed by each batch) ran out: a node that dies in the middle of a
 * fan-out leaves the rest to another node. A batch stored just before a crash is in the app but not mailed:
 * immediate mail is at most once.
 */
@ApplicationScoped
public class AnnouncementFanout {

    /** People per batch: one transaction each, holding the announcement's row lock only for its inserts. */
    @Inject
    @ConfigProperty(name = "ccc.notifications.announcements.batch-size", defaultValue = "200")
    private int batchSize;

    private static final Logger LOG = Logger.getLogger(AnnouncementFanout.class.getName());

    /** How long a node's claim on a fan-out holds after its last batch (ISO-8601). */
    static final String CLAIM = "ccc.notifications.announcements.claim";

    /** On a shared database, how often a node looks for fan-outs whose claim ran out (ISO-8601). */
    static final String SWEEP_INTERVAL = "ccc.notifications.announcements.sweep-interval";

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private SharedDatabase database;

    private Duration claim;

    private ScheduledFuture<?> sweep;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    @Inject
    private AnnouncementBatches batches;

    @Inject
    private NotificationService notifications;

    /** Announcements being delivered by this server now: one runner each. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    void announced(@Observes(during = TransactionPhase.AFTER_SUCCESS) AnnouncementService.Announced event) {
        start(event.id());
    }

    void resume(@Observes Bootstrap.Deployed deployed) {
        claim = AppConfig.positiveDuration(CLAIM, Duration.ofMinutes(1));
        resumePending();
        if (database.isShared()) {
            long every = AppConfig.positiveDuration(SWEEP_INTERVAL, Duration.ofSeconds(5)).toMillis();
            sweep = scheduler.scheduleWithFixedDelay(this::resumePending, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    /** Starts a runner for each unfinished announcement; one whose fan-out another node holds stops at once. */
    private void resumePending() {
        try {
            batches.pending().forEach(this::start);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Resuming unfinished announcements failed", e);
        }
    }

    private void start(long id) {
        if (!running.add(id)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    deliver(id);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Delivering announcement " + id + " stopped; it resumes at the next start "
                            + "or, on a shared database, at a sweep once its claim runs out", e);
                } finally {
                    running.remove(id);
                }
            });
        } catch (RuntimeException e) {
            running.remove(id);
            LOG.log(Level.WARNING, "Delivering announcement " + id + " was not accepted; it resumes at the next start",
                    e);
        }
    }

    private void deliver(long id) {
        int size = Math.max(1, batchSize);
        String node = database.nodeName();
        Duration holds = claim != null ? claim : AppConfig.positiveDuration(CLAIM, Duration.ofMinutes(1));
        Optional<List<Notification>> batch = batches.next(id, size, node, holds);
        while (batch.isPresent()) {
            notifications.push(batch.get());
            batch = batches.next(id, size, node, holds);
        }
    }
}
