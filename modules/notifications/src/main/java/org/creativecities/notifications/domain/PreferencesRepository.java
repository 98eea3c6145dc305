package org.creativecities.notifications.domain;

import java.util.Optional;

/** People's notification preferences. */
public interface PreferencesRepository {

    Optional<Preferences> find(long accountId);

    Preferences add(Preferences preferences);

    /** The preferences of those of these people who chose any, in one query. */
    java.util.List<Preferences> findAll(java.util.Collection<Long> accountIds);

    /** The people whose digest comes at this rhythm. */
    java.util.List<Preferences> withDigest(Preferences.Digest digest);

    /**
     * Locks this person's preferences for the caller's transaction if their digest has this rhythm and (when {@code
     * dueBy} is given) was last sent at or before it, and no other transaction holds them ({@code FOR UPDATE SKIP
     * LOCKED}); empty otherwise. What several nodes running the digests claim a person's digest with.
     */
    Optional<Preferences> claimDigest(long accountId, Preferences.Digest digest,
            Optional<java.time.OffsetDateTime> dueBy);
}
