package org.creativecities.core.space;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** JPA implementation of {@link ModerationRepository}. */
@ApplicationScoped
public class JpaModerationRepository implements ModerationRepository {

    @PersistenceContext(unitName = "ccc")
    private EntityManager em;

    @Override
    public List<Sanction> sanctions(long spaceId, long accountId) {
        return em.createQuery("SELECT s FROM Sanction s WHERE s.spaceId = :space AND s.accountId = :account",
                Sanction.class).setParameter("space", spaceId).setParameter("account", accountId).getResultList();
    }

    @Override
    public List<Sanction> sanctionsOfSpace(long spaceId) {
        return em.createQuery("SELECT s FROM Sanction s WHERE s.spaceId = :space ORDER BY s.id", Sanction.class)
                .setParameter("space", spaceId).getResultList();
    }

    @Override
    public Optional<Sanction> findSanction(long id) {
        return Optional.ofNullable(em.find(Sanction.class, id));
    }

    @Override
    public Sanction add(Sanction sanction) {
        em.persist(sanction);
        return sanction;
    }

    @Override
    public void remove(Sanction sanction) {
        em.remove(sanction);
    }

    @Override
    public AuditEntry record(AuditEntry entry) {
        em.persist(entry);
        return entry;
    }

    @Override
    public List<AuditEntry> auditLog(int offset, int limit) {
        return em.createQuery("SELECT a FROM AuditEntry a ORDER BY a.id DESC", AuditEntry.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long auditCount() {
        return em.createQuery("SELECT COUNT(a) FROM AuditEntry a", Long.class).getSingleResult();
    }
}
