package org.creativecities.plugin.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.creativecities.plugin.api.JsonCodec;
import org.creativecities.plugin.api.PluginStorage;
import org.creativecities.plugin.api.StorageConflictException;
import org.creativecities.plugin.api.StoragePage;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.StoredEntry;

/**
 * {@link PluginStorage} in memory, with the contract the core documents: versions from 1, one more per write;
 * compare-and-set against a version (0: must not exist) throwing {@link StorageConflictException}; entries with a
 * time-to-live invisible once the {@link Clock} passes their expiry (an expired entry counts as absent, also for
 * compare-and-set, and a new write starts again at version 1); prefix listings in key order with a cursor; keys of
 * 1 to 200 characters, values up to {@link #MAX_VALUE_LENGTH} characters and pages of 1 to {@link #MAX_PAGE}.
 * Thread-safe.
 */
public final class InMemoryStorage implements PluginStorage {

    private final Clock clock;
    private final JsonCodec json;
    private final Map<StorageScope, TreeMap<String, StoredEntry>> scopes = new java.util.HashMap<>();

    public InMemoryStorage(Clock clock, JsonCodec json) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public synchronized Optional<StoredEntry> get(StorageScope scope, String key) {
        checkKey(key);
        return live(scope, key);
    }

    @Override
    public StoredEntry put(StorageScope scope, String key, String value) {
        return put(scope, key, value, null);
    }

    @Override
    public synchronized StoredEntry put(StorageScope scope, String key, String value, Duration ttl) {
        return write(scope, key, value, false, ttl);
    }

    @Override
    public synchronized StoredEntry compareAndSet(StorageScope scope, String key, long expectedVersion, String value,
                                                  Duration ttl) {
        checkKey(key);
        long actual = live(scope, key).map(StoredEntry::version).orElse(0L);
        if (actual != expectedVersion) {
            throw new StorageConflictException(key, expectedVersion, actual);
        }
        return write(scope, key, value, false, ttl);
    }

    @Override
    public synchronized StoredEntry putDocument(StorageScope scope, String key, Object document) {
        return write(scope, key, json.toJson(document), true, null);
    }

    @Override
    public synchronized <T> Optional<T> getDocument(StorageScope scope, String key, Class<T> type) {
        return get(scope, key).map(e -> json.fromJson(e.value(), type));
    }

    @Override
    public synchronized boolean delete(StorageScope scope, String key) {
        checkKey(key);
        boolean existed = live(scope, key).isPresent();
        TreeMap<String, StoredEntry> entries = scopes.get(scope);
        if (entries != null) {
            entries.remove(key);
        }
        return existed;
    }

    @Override
    public synchronized StoragePage list(StorageScope scope, String prefix, String cursor, int limit) {
        Objects.requireNonNull(prefix, "prefix");
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE + ", not " + limit);
        }
        TreeMap<String, StoredEntry> entries = scopes.getOrDefault(scope, new TreeMap<>());
        List<StoredEntry> page = new ArrayList<>();
        var tail = cursor == null ? entries.tailMap(prefix, true) : entries.tailMap(cursor, false);
        for (StoredEntry e : tail.values()) {
            if (!e.key().startsWith(prefix)) {
                if (e.key().compareTo(prefix) > 0) {
                    break;
                }
                continue;
            }
            if (expired(e)) {
                continue;
            }
            if (page.size() == limit) {
                return new StoragePage(page, Optional.of(page.get(page.size() - 1).key()));
            }
            page.add(e);
        }
        return new StoragePage(page, Optional.empty());
    }

    private StoredEntry write(StorageScope scope, String key, String value, boolean isJson, Duration ttl) {
        checkKey(key);
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("a value is at most " + MAX_VALUE_LENGTH + " characters");
        }
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("a time-to-live must be positive");
        }
        Instant now = clock.instant();
        long version = live(scope, key).map(StoredEntry::version).orElse(0L) + 1;
        StoredEntry entry = new StoredEntry(scope, key, value, isJson, version, now,
                ttl == null ? Optional.empty() : Optional.of(now.plus(ttl)));
        scopes.computeIfAbsent(scope, s -> new TreeMap<>()).put(key, entry);
        return entry;
    }

    private Optional<StoredEntry> live(StorageScope scope, String key) {
        TreeMap<String, StoredEntry> entries = scopes.get(Objects.requireNonNull(scope, "scope"));
        StoredEntry e = entries == null ? null : entries.get(key);
        return e == null || expired(e) ? Optional.empty() : Optional.of(e);
    }

    private boolean expired(StoredEntry e) {
        return e.expiresAt().map(at -> !clock.instant().isBefore(at)).orElse(false);
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 200) {
            throw new IllegalArgumentException("a storage key is 1 to 200 characters");
        }
    }
}
