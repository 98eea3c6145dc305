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
    public Optional<Preferences> claimDigest(long accountId, Preferences.Digest digest,
            Optional<java.time.OffsetDateTime> dueBy) {
        var q = em.createNativeQuery("SELECT account_id FROM notification_preference WHERE account_id = ? AND digest = ?"
                + (dueBy.isPresent() ? " AND (last_digest_at IS NULL OR last_digest_at <= ?)" : "")
                + " FOR UPDATE SKIP LOCKED").setParameter(1, accountId)
                .setParameter(2, digest.name().toLowerCase(java.util.Locale.ROOT));
        dueBy.ifPresent(t -> q.setParameter(3, t));
        if (q.getResultList().isEmpty()) {
            return Optional.empty();
        }
        Preferences p = em.find(Preferences.class, accountId);
        em.refresh(p);
        return Optional.of(p);
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
