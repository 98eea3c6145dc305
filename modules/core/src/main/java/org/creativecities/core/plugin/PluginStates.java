package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.creativecities.core.platform.TimeSource;

/**
 * The persisted side of the plugin host: {@link PluginRecord}s and setting values. Each method is its own
 * short transaction, so the host never holds one open while it calls plugin code.
 */
@ApplicationScoped
@Transactional
public class PluginStates {

    /**
     * A plugin's record was created, changed or removed (its switch, placement or description); fired in the
     * changing transaction, so that observers of its success see the change committed ({@link PluginSwitches}).
     *
     * @param pluginId the plugin
     */
    public record Changed(String pluginId) {
    }

    @PersistenceContext(unitName = "ccc")
    private EntityManager em;

    @Inject
    private TimeSource time;

    @Inject
    private Event<Changed> changed;

    /**
     * A plugin's record as a sweep compares it ({@link PluginSync}).
     *
     * @param version the record's version: it changes with every change of the record
     */
    public record Seen(String pluginId, boolean enabled, long version) {
    }

    /** Every plugin's record, in one query. */
    public List<Seen> seen() {
        return em.createQuery("SELECT r.pluginId, r.enabled, r.version FROM PluginRecord r", Object[].class)
                .getResultStream().map(r -> new Seen((String) r[0], (Boolean) r[1], ((Number) r[2]).longValue()))
                .toList();
    }

    public Optional<PluginRecord> find(String pluginId) {
        return Optional.ofNullable(em.find(PluginRecord.class, pluginId));
    }

    /** The plugin's record, created (enabled, network-wide) the first time the plugin is seen. */
    public PluginRecord findOrCreate(String pluginId) {
        PluginRecord r = em.find(PluginRecord.class, pluginId);
        if (r == null) {
            r = new PluginRecord(pluginId, time.now());
            em.persist(r);
            changed.fire(new Changed(pluginId));
        }
        return r;
    }

    public PluginRecord enable(String pluginId) {
        return change(pluginId, r -> r.enable(time.now()));
    }

    public PluginRecord disable(String pluginId, String reason) {
        return change(pluginId, r -> r.disable(reason, time.now()));
    }

    public PluginRecord placeIn(String pluginId, boolean networkWide, Set<String> cities) {
        return change(pluginId, r -> r.placeIn(networkWide, cities, time.now()));
    }

    public PluginRecord describe(String pluginId, String infoJson) {
        return change(pluginId, r -> r.describe(infoJson, time.now()));
    }

    private PluginRecord change(String pluginId, Consumer<PluginRecord> change) {
        PluginRecord r = findOrCreate(pluginId);
        change.accept(r);
        changed.fire(new Changed(pluginId));
        return r;
    }

    /** The setting values of one scope ({@code ""}: network-wide), by key. */
    public Map<String, String> settings(String pluginId, String citySlug) {
        Map<String, String> out = new LinkedHashMap<>();
        values(pluginId, citySlug).forEach(v -> out.put(v.key(), v.value()));
        return out;
    }

    /** Sets (non-null) and removes (null) values of one scope. */
    public void saveSettings(String pluginId, String citySlug, Map<String, String> changes) {
        List<PluginSettingValue> existing = values(pluginId, citySlug);
        changes.forEach((key, value) -> {
            Optional<PluginSettingValue> row = existing.stream().filter(v -> v.key().equals(key)).findFirst();
            if (value == null) {
                row.ifPresent(em::remove);
            } else if (row.isPresent()) {
                row.get().change(value);
            } else {
                em.persist(new PluginSettingValue(pluginId, citySlug, key, value));
            }
        });
    }

    private List<PluginSettingValue> values(String pluginId, String citySlug) {
        return em.createQuery("SELECT v FROM PluginSettingValue v WHERE v.pluginId = :p AND v.citySlug = :c "
                        + "ORDER BY v.key", PluginSettingValue.class)
                .setParameter("p", pluginId).setParameter("c", citySlug).getResultList();
    }

    /** Forgets everything about a plugin: its record, settings and storage. */
    public void purge(String pluginId) {
        em.createQuery("DELETE FROM PluginDataEntry d WHERE d.pluginId = :p").setParameter("p", pluginId)
                .executeUpdate();
        em.createQuery("DELETE FROM PluginSettingValue v WHERE v.pluginId = :p").setParameter("p", pluginId)
                .executeUpdate();
        PluginRecord r = em.find(PluginRecord.class, pluginId);
        if (r != null) {
            em.remove(r);
            changed.fire(new Changed(pluginId));
        }
    }

    /** How many storage entries a plugin has (expired ones included until purged). */
    public long storedEntries(String pluginId) {
        return em.createQuery("SELECT COUNT(d) FROM PluginDataEntry d WHERE d.pluginId = :p", Long.class)
                .setParameter("p", pluginId).getSingleResult();
    }
}
