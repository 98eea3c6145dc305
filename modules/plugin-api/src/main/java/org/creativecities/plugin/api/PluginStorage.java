package org.creativecities.plugin.api;

import java.time.Duration;
import java.util.Optional;

/**
 * A plugin's own persistent key/value store, kept by the core in its database. Each plugin sees only
 * its own entries; within them, a {@link StorageScope} separates network-wide, per-city and per-room
 * data. Values are text up to {@value #MAX_VALUE_LENGTH} characters; documents are stored as their JSON
 * text. Keys are 1 to 200 characters.
 *
 * <p><b>Versions and compare-and-set.</b> Every entry has a version: 1 when created, one more on every
 * write. {@link #compareAndSet} writes only if the entry is at the expected version (0 meaning "must not
 * exist") and throws {@link StorageConflictException} otherwise, so concurrent writers never lose an update.
 *
 * <p><b>Expiry.</b> An entry written with a time-to-live disappears when it expires: reads, listings and
 * compare-and-set treat it as absent, and the core purges it from the database periodically.
 *
 * <p><b>Threading and transactions.</b> Thread-safe. Each call is its own committed transaction; the
 * plugin sees its own writes immediately. Needs {@link Permission#STORAGE}.
 */
public interface PluginStorage {

    /** Longest value accepted, in characters. */
    int MAX_VALUE_LENGTH = 262_144;

    /** Largest page a listing returns. */
    int MAX_PAGE = 500;

    /** The entry, unless it does not exist or has expired. */
    Optional<StoredEntry> get(StorageScope scope, String key);

    /** Writes the text unconditionally, without expiry. */
    StoredEntry put(StorageScope scope, String key, String value);

    /** Writes the text unconditionally; it expires after {@code ttl} ({@code null}: never). */
    StoredEntry put(StorageScope scope, String key, String value, Duration ttl);

    /**
     * Writes the text only if the entry is at {@code expectedVersion} (0: it must not exist).
     *
     * @param ttl expiry of the written entry; {@code null}: never
     * @return the written entry, at {@code expectedVersion + 1}
     * @throws StorageConflictException if the entry is at another version
     */
    StoredEntry compareAndSet(StorageScope scope, String key, long expectedVersion, String value, Duration ttl);

    /** Writes a value as a JSON document (serialised by {@link ModuleContext#json()}); no expiry. */
    StoredEntry putDocument(StorageScope scope, String key, Object document);

    /** Reads a JSON document back into the given type. */
    <T> Optional<T> getDocument(StorageScope scope, String key, Class<T> type);

    /** Removes the entry; true if there was one. */
    boolean delete(StorageScope scope, String key);

    /**
     * The live entries whose key starts with {@code prefix}, in key order.
     *
     * @param cursor the {@link StoragePage#nextCursor()} of the previous page, or {@code null} for the first
     * @param limit  1 to {@value #MAX_PAGE}
     */
    StoragePage list(StorageScope scope, String prefix, String cursor, int limit);
}
