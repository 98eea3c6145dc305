package org.creativecities.notifications.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** JPA implementation of {@link PreferencesRepository}. */
@ApplicationScoped
class JpaPreferencesRepository implements PreferencesRepository {

    @PersistenceContext(unitName = "notifications")
    private EntityManager em;

    @Override
    public Optional<Preferences> find(long accountId) {
        return Optional.ofNullable(em.find(Preferences.class, accountId));
    }

    @Override
    public Preferences add(Preferences preferences) {
        em.persist(preferences);
        return preferences;
    }
}
