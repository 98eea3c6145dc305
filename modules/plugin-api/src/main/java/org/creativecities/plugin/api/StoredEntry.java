package org.creativecities.plugin.api;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a plugin's storage, as read.
 *
 * @param scope     where it lives
 * @param key       its key
 * @param value     the stored text (a JSON document's text for entries written as documents)
 * @param json      whether it was written as a JSON document
 * @param version   1 for a new entry, one more on every write; the token for compare-and-set
 * @param updatedAt when it was last written
 * @param expiresAt when it stops being visible, if it expires
 */
public record StoredEntry(StorageScope scope, String key, String value, boolean json, long version,
                          Instant updatedAt, Optional<Instant> expiresAt) {
}
