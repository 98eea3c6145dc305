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
}
