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
    public java.util.List<Preferences> withDigest(Preferences.Digest digest) {
        return em.createQuery("SELECT p FROM Preferences p WHERE p.digest = :d ORDER BY p.accountId", Preferences.class)
                .setParameter("d", digest.name().toLowerCase(java.util.Locale.ROOT)).getResultList();
    }

    @Override
    public java.util.List<Preferences> findAll(java.util.Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return java.util.List.of();
        }
        return em.createQuery("SELECT p FROM Preferences p WHERE p.accountId IN :ids", Preferences.class)
                .setParameter("ids", accountIds).getResultList();
    }

    @Override
    public Preferences add(Preferences preferences) {
        em.persist(preferences);
        return preferences;
    }
}
