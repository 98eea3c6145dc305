package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.persistence.SharedDatabase;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The durable timers of plugins in the core's {@code plugin_timer} table. Every method is one transaction; writes
 * lock the row, so a save and a delivery of the same name never interleave.
 *
 * <p>On a database several nodes share ({@link SharedDatabase#isShared()}), every node may arm the same timer, so a
 * delivery begins with a claim: the first node to lock the row counts the attempt and claims it for the call's time
 * limit plus the retry delay plus {@link #CLAIM_MARGIN} (so that its own retries stay its own); any other node finds
 * it claimed and leaves it, until the claim runs out (the claimer died or stopped the plugin).
 */
@ApplicationScoped
@Transactional
public class JpaDurableTimerStore implements DurableTimerStore {

    /** Added to a claim beyond the call's time limit and the retry delay. */
    static final Duration CLAIM_MARGIN = Duration.ofSeconds(10);

    /**
     * A stored timer of a plugin that falls due, for a node's sweep.
     *
     * @param at when this node should try to deliver it (its due time, or when another node's claim runs out)
     */
    record Due(String pluginId, Stored timer, Instant at) {
    }

    @PersistenceContext(unitName = "ccc")
    private EntityManager em;

    @Inject
    private SharedDatabase database;

    @Inject
    private PluginHostConfig hostConfig;

    @Inject
    private TimeSource time;

    private Duration claimFor() {
        return hostConfig.callTimeout().plus(PluginTimerService.limits(ConfigProvider.getConfig()).retryDelay())
                .plus(CLAIM_MARGIN);
    }

    @Override
    public Stored save(String pluginId, String name, Instant dueAt, String payload) {
        Optional<PluginTimerEntry> row = row(pluginId, name, true);
        PluginTimerEntry entry = row.orElseGet(() -> new PluginTimerEntry(pluginId, name));
        entry.save(dueAt, payload);
        if (row.isEmpty()) {
            em.persist(entry);
        }
        em.flush();
        return entry.view();
    }

    @Override
    public Optional<Stored> find(String pluginId, String name) {
        return row(pluginId, name, false).map(PluginTimerEntry::view);
    }

    @Override
    public List<Stored> all(String pluginId) {
        return em.createQuery("SELECT t FROM PluginTimerEntry t WHERE t.pluginId = :p ORDER BY t.dueAt",
                PluginTimerEntry.class).setParameter("p", pluginId).getResultStream().map(PluginTimerEntry::view)
                .toList();
    }

    @Override
    public long count(String pluginId) {
        return em.createQuery("SELECT COUNT(t) FROM PluginTimerEntry t WHERE t.pluginId = :p", Long.class)
                .setParameter("p", pluginId).getSingleResult();
    }

    /** Counts the attempt, unless another node claimed the timer (on a shared database); then it is left alone. */
    @Override
    public Optional<Stored> beginAttempt(String pluginId, String name, long generation) {
        boolean claims = database.isShared();
        Instant now = time.clock().instant();
        return row(pluginId, name, true).filter(e -> e.generation() == generation)
                .filter(e -> !claims || e.claimableBy(database.nodeName(), now)).map(e -> {
                    e.countAttempt();
                    if (claims) {
                        e.claim(database.nodeName(), now.plus(claimFor()));
                    }
                    return e.view();
                });
    }

    /** The timers of every plugin that this node may deliver by {@code by}, earliest first. */
    List<Due> dueBy(Instant by) {
        String node = database.nodeName();
        return em.createQuery("SELECT t FROM PluginTimerEntry t WHERE t.dueAt <= :by ORDER BY t.dueAt",
                PluginTimerEntry.class).setParameter("by", by.atOffset(ZoneOffset.UTC)).getResultStream()
                .map(t -> new Due(t.pluginId(), t.view(), t.armAt(node))).filter(d -> !d.at().isAfter(by)).toList();
    }

    @Override
    public boolean delete(String pluginId, String name) {
        Optional<PluginTimerEntry> row = row(pluginId, name, true);
        row.ifPresent(em::remove);
        return row.isPresent();
    }

    @Override
    public boolean delete(String pluginId, String name, long generation) {
        Optional<PluginTimerEntry> row = row(pluginId, name, true).filter(e -> e.generation() == generation);
        row.ifPresent(em::remove);
        return row.isPresent();
    }

    private Optional<PluginTimerEntry> row(String pluginId, String name, boolean lock) {
        var query = em.createQuery("SELECT t FROM PluginTimerEntry t WHERE t.pluginId = :p AND t.name = :n",
                PluginTimerEntry.class).setParameter("p", pluginId).setParameter("n", name);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }
}
