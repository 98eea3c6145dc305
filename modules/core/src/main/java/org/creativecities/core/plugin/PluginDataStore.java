package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.plugin.api.PluginStorage;
import org.creativecities.plugin.api.StorageConflictException;
import org.creativecities.plugin.api.StoragePage;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.StoredEntry;

/**
 * Plugin storage in the core's {@code plugin_data} table. Every method is one transaction; writes lock the
 * row (or rely on the unique key for a new one) so that compare-and-set is exact under concurrency.
 */
@ApplicationScoped
@Transactional
public class PluginDataStore {

    @PersistenceContext(unitName = "ccc")
    private EntityManager em;

    @Inject
    private TimeSource time;

    public Optional<StoredEntry> get(String pluginId, StorageScope scope, String key) {
        OffsetDateTime now = time.now();
        return find(pluginId, scope, key, false).filter(e -> e.isLive(now)).map(PluginDataEntry::view);
    }

    /**
     * Writes a value.
     *
     * @param expectedVersion the version the entry must have (0: absent), or {@code null} for unconditional
     */
    public StoredEntry write(String pluginId, StorageScope scope, String key, String value, boolean json,
                             Duration ttl, Long expectedVersion) {
        checkKey(key);
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
        if (value.length() > PluginStorage.MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("value is longer than " + PluginStorage.MAX_VALUE_LENGTH
                    + " characters");
        }
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        OffsetDateTime now = time.now();
        OffsetDateTime expiry = ttl == null ? null : now.plus(ttl);
        Optional<PluginDataEntry> row = find(pluginId, scope, key, true);
        long current = row.map(e -> e.visibleVersion(now)).orElse(0L);
        if (expectedVersion != null && expectedVersion != current) {
            throw new StorageConflictException(key, expectedVersion, current);
        }
        PluginDataEntry entry = row.orElseGet(() -> new PluginDataEntry(pluginId, scope, key));
        entry.write(value, json, now, expiry);
        if (row.isEmpty()) {
            try {
                em.persist(entry);
                em.flush();
            } catch (PersistenceException e) {
                throw new StorageConflictException(key, expectedVersion == null ? 0 : expectedVersion, 1);
            }
        }
        return entry.view();
    }

    public boolean delete(String pluginId, StorageScope scope, String key) {
        OffsetDateTime now = time.now();
        Optional<PluginDataEntry> row = find(pluginId, scope, key, true);
        row.ifPresent(em::remove);
        return row.filter(e -> e.isLive(now)).isPresent();
    }

    public StoragePage list(String pluginId, StorageScope scope, String prefix, String cursor, int limit) {
        if (limit < 1 || limit > PluginStorage.MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + PluginStorage.MAX_PAGE);
        }
        String p = prefix == null ? "" : prefix;
        String after = cursor == null || cursor.isEmpty() ? "" : decodeCursor(cursor);
        List<PluginDataEntry> rows = em.createQuery("SELECT d FROM PluginDataEntry d WHERE d.pluginId = :p "
                        + "AND d.scopeKind = :k AND d.scopeRef = :r AND d.key LIKE :prefix ESCAPE '!' AND d.key > :after "
                        + "AND (d.expiresAt IS NULL OR d.expiresAt > :now) ORDER BY d.key", PluginDataEntry.class)
                .setParameter("p", pluginId).setParameter("k", scope.kind()).setParameter("r", scope.ref())
                .setParameter("prefix", escapeLike(p) + "%").setParameter("after", after)
                .setParameter("now", time.now()).setMaxResults(limit + 1).getResultList();
        boolean more = rows.size() > limit;
        List<StoredEntry> page = rows.stream().limit(limit).map(PluginDataEntry::view).toList();
        Optional<String> next = more ? Optional.of(encodeCursor(page.get(page.size() - 1).key())) : Optional.empty();
        return new StoragePage(page, next);
    }

    /** Deletes the expired entries of every plugin; returns how many. */
    public int purgeExpired() {
        return em.createQuery("DELETE FROM PluginDataEntry d WHERE d.expiresAt IS NOT NULL AND d.expiresAt <= :now")
                .setParameter("now", time.now()).executeUpdate();
    }

    private Optional<PluginDataEntry> find(String pluginId, StorageScope scope, String key, boolean lock) {
        var query = em.createQuery("SELECT d FROM PluginDataEntry d WHERE d.pluginId = :p AND d.scopeKind = :k "
                        + "AND d.scopeRef = :r AND d.key = :key", PluginDataEntry.class)
                .setParameter("p", pluginId).setParameter("k", scope.kind()).setParameter("r", scope.ref())
                .setParameter("key", key);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 200) {
            throw new IllegalArgumentException("a key has 1 to 200 characters");
        }
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    static String encodeCursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor from a previous listing: " + cursor, e);
        }
    }
}
