package org.creativecities.notifications.domain;

import java.util.Optional;

/** People's notification preferences. */
public interface PreferencesRepository {

    Optional<Preferences> find(long accountId);

    Preferences add(Preferences preferences);
}
