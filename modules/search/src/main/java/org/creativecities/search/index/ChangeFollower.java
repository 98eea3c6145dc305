package org.creativecities.search.index;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.Bootstrap;
import org.creativecities.search.SearchDocumentChanged;

/**
 * Keeps this node's index current with the changes other nodes make: every {@code ccc.search.follow-interval} it
 * reads the change log ({@link ChangeLog}) after the last row it took, and hands the other processes' changes to the
 * {@link SearchIndexer} (its own were applied when they committed). It starts at the log's end when the node starts:
 * what changed before is in the index already, or makes its kind stale and rebuilt ({@link IndexBookkeeping}).
 * Rows whose transactions commit out of id order are waited for ({@link LogCursor}). Every minute it deletes the rows
 * older than {@code ccc.search.change-log-retention}; a node that could not read the log for half that time may have
 * missed rows, so it rebuilds every kind. Runs only where the log is kept ({@link ChangeLog#enabled()}).
 */
@ApplicationScoped
public class ChangeFollower {

    private static final Logger LOG = Logger.getLogger(ChangeFollower.class.getName());

    /** Rows read at most per query; a full page is followed by another read at once. */
    static final int PAGE = 2_000;
    /** How long a skipped id is waited for: longer than any transaction that logs a change. */
    static final Duration HOLE_TIMEOUT = Duration.ofMinutes(2);
    static final int MAX_HOLES = 10_000;
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    @Inject
    private ChangeLog log;

    @Inject
    private SearchIndexer indexer;

    @Inject
    private SearchSettings settings;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    private volatile ScheduledFuture<?> sweeping;
    private LogCursor cursor;
    private long lastRead;
    private long lastPrune;
    private volatile long applied;

    /** Before the indexer starts (2000), so that whatever commits after this point is in the log after the cursor. */
    void start(@Observes @Priority(1990) Bootstrap.Deployed deployed) {
        if (!log.enabled()) {
            return;
        }
        cursor = new LogCursor(log.highestId(), HOLE_TIMEOUT.toNanos(), MAX_HOLES);
        lastRead = System.nanoTime();
        lastPrune = lastRead;
        long every = settings.followInterval().toMillis();
        sweeping = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Search: following the shared change log every " + settings.followInterval() + " from row "
                + cursor.highest());
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> s = sweeping;
        if (s != null) {
            s.cancel(false);
        }
    }

    /** Changes of other processes handed to the indexer since the start. */
    public long applied() {
        return applied;
    }

    private synchronized void sweep() {
        try {
            long now = System.nanoTime();
            if (now - lastRead > settings.changeLogRetention().toNanos() / 2) {
                LOG.warning("Search: the change log was not read for too long; its oldest rows may be gone, so every "
                        + "kind is rebuilt");
                indexer.sources().keySet().forEach(indexer::rebuild);
            }
            List<ChangeLog.Row> page;
            do {
                List<ChangeLog.Row> read = new ArrayList<>();
                if (!cursor.holes().isEmpty()) {
                    read.addAll(log.withIds(cursor.holes()));
                }
                page = log.after(cursor.highest(), PAGE);
                read.addAll(page);
                cursor.accept(read, System.nanoTime()).forEach(this::apply);
            } while (page.size() == PAGE);
            cursor.expire(System.nanoTime());
            lastRead = System.nanoTime();
            if (lastRead - lastPrune > PRUNE_EVERY.toNanos()) {
                lastPrune = lastRead;
                int pruned = log.prune(OffsetDateTime.now(ZoneOffset.UTC).minus(settings.changeLogRetention()));
                if (pruned > 0) {
                    LOG.fine(() -> "Search: " + pruned + " old rows of the change log deleted");
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Search: reading the change log failed; trying again in "
                    + settings.followInterval(), e);
        }
    }

    private void apply(ChangeLog.Row row) {
        if (row.node().equals(log.node())) {
            return;
        }
        applied++;
        indexer.changed(new SearchDocumentChanged(row.kind(), row.docId()));
    }
}
