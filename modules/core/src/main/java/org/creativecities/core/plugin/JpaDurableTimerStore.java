package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable timers of plugins in the core's {@code plugin_timer} table. Every method is one transaction; writes
 * lock the row, so a save and a delivery of the same name never interleave.
 */
@ApplicationScoped
@Transactional
public class JpaDurableTimerStore implements DurableTimerStore {

    @PersistenceContext(unitName = "ccc")
    private EntityManager em;

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

    @Override
    public Optional<Stored> beginAttempt(String pluginId, String name, long generation) {
        return row(pluginId, name, true).filter(e -> e.generation() == generation).map(e -> {
            e.countAttempt();
            return e.view();
        });
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
