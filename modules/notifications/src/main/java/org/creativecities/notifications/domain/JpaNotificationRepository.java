package org.creativecities.notifications.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/** JPA implementation of {@link NotificationRepository}. */
@ApplicationScoped
class JpaNotificationRepository implements NotificationRepository {

    @PersistenceContext(unitName = "notifications")
    private EntityManager em;

    @Override
    public Notification add(Notification notification) {
        em.persist(notification);
        return notification;
    }

    @Override
    public List<Notification> newestOf(long accountId, boolean unreadOnly, int offset, int limit) {
        return em.createQuery("SELECT n FROM Notification n WHERE n.accountId = :a"
                        + (unreadOnly ? " AND n.readAt IS NULL" : "") + " ORDER BY n.id DESC", Notification.class)
                .setParameter("a", accountId).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(long accountId, boolean unreadOnly) {
        return em.createQuery("SELECT COUNT(n) FROM Notification n WHERE n.accountId = :a"
                        + (unreadOnly ? " AND n.readAt IS NULL" : ""), Long.class)
                .setParameter("a", accountId).getSingleResult();
    }

    @Override
    public java.util.Map<Long, Long> unreadCounts(Collection<Long> accountIds) {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        if (accountIds.isEmpty()) {
            return out;
        }
        em.createQuery("SELECT n.accountId, COUNT(n) FROM Notification n WHERE n.readAt IS NULL "
                        + "AND n.accountId IN :ids GROUP BY n.accountId", Object[].class)
                .setParameter("ids", accountIds).getResultList()
                .forEach(r -> out.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return out;
    }

    @Override
    public List<Notification> unreadSince(long accountId, Collection<String> kinds,
                                          java.util.Optional<OffsetDateTime> since, int limit) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        var query = em.createQuery("SELECT n FROM Notification n WHERE n.accountId = :a AND n.readAt IS NULL "
                        + "AND n.kind IN :k" + (since.isPresent() ? " AND n.createdAt > :s" : "") + " ORDER BY n.id",
                Notification.class).setParameter("a", accountId).setParameter("k", kinds);
        since.ifPresent(s -> query.setParameter("s", s));
        return query.setMaxResults(limit).getResultList();
    }

    @Override
    public int markRead(long accountId, Collection<Long> ids, OffsetDateTime now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("UPDATE Notification n SET n.readAt = :now WHERE n.accountId = :a "
                        + "AND n.readAt IS NULL AND n.id IN :ids")
                .setParameter("now", now).setParameter("a", accountId).setParameter("ids", ids).executeUpdate();
    }

    @Override
    public int markAllRead(long accountId, OffsetDateTime now) {
        return em.createQuery("UPDATE Notification n SET n.readAt = :now WHERE n.accountId = :a "
                        + "AND n.readAt IS NULL")
                .setParameter("now", now).setParameter("a", accountId).executeUpdate();
    }
}
