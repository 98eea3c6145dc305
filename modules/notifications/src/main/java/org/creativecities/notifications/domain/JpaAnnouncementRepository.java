package org.creativecities.notifications.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;

/**
 * JPA implementation of {@link AnnouncementRepository}. The audience is a read of the core's tables: every account
 * (network); the active members of live cities designated in the field (field); the active members of the city
 * (city). Each read goes through an index in account id order (the accounts' key, the memberships' per-account index).
 */
@ApplicationScoped
class JpaAnnouncementRepository implements AnnouncementRepository {

    private static final String NETWORK = "FROM account a WHERE a.id > ?1 AND a.id <> ?2";
    private static final String FIELD = "FROM city_membership m JOIN city c ON c.id = m.city_id "
            + "WHERE m.status = 'ACTIVE' AND c.retired_at IS NULL AND m.account_id > ?1 AND m.account_id <> ?2 "
            + "AND EXISTS (SELECT 1 FROM designation d JOIN creative_field f ON f.id = d.field_id "
            + "WHERE d.city_id = c.id AND f.slug = ?3)";
    private static final String CITY = "FROM city_membership m WHERE m.status = 'ACTIVE' AND m.account_id > ?1 "
            + "AND m.account_id <> ?2 AND m.city_id = ?3";

    @PersistenceContext(unitName = "notifications")
    private EntityManager em;

    @Override
    public Announcement add(Announcement announcement) {
        em.persist(announcement);
        return announcement;
    }

    @Override
    public Optional<Announcement> find(long id) {
        return Optional.ofNullable(em.find(Announcement.class, id));
    }

    @Override
    public Optional<Announcement> lock(long id) {
        return Optional.ofNullable(em.find(Announcement.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Long> pending() {
        return em.createQuery("SELECT a.id FROM Announcement a WHERE a.completedAt IS NULL ORDER BY a.id", Long.class)
                .getResultList();
    }

    @Override
    public List<Announcement> newest(Long accountId, int offset, int limit) {
        var q = em.createQuery("SELECT a FROM Announcement a" + visibleTo(accountId) + " ORDER BY a.id DESC",
                Announcement.class);
        if (accountId != null) {
            q.setParameter("me", accountId);
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(Long accountId) {
        var q = em.createQuery("SELECT COUNT(a) FROM Announcement a" + visibleTo(accountId), Long.class);
        if (accountId != null) {
            q.setParameter("me", accountId);
        }
        return q.getSingleResult();
    }

    private static String visibleTo(Long accountId) {
        return accountId == null ? "" : " WHERE a.authorId = :me OR EXISTS (SELECT n.id FROM Notification n "
                + "WHERE n.announcementId = a.id AND n.accountId = :me)";
    }

    @Override
    public boolean received(long announcementId, long accountId) {
        return em.createQuery("SELECT COUNT(n) FROM Notification n WHERE n.announcementId = :a AND n.accountId = :me",
                Long.class).setParameter("a", announcementId).setParameter("me", accountId).getSingleResult() > 0;
    }

    @Override
    public Optional<CityRef> city(String slug) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, slug, name FROM city WHERE slug = ?1 "
                + "AND retired_at IS NULL").setParameter(1, slug).getResultList();
        return rows.stream().findFirst().map(r -> new CityRef(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2]));
    }

    @Override
    public boolean coordinatesAny(long accountId) {
        return !em.createNativeQuery("SELECT id FROM city_membership WHERE account_id = ?1 AND role = 'COORDINATOR' "
                + "AND status = 'ACTIVE'").setParameter(1, accountId).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public boolean fieldExists(String slug) {
        return !em.createNativeQuery("SELECT id FROM creative_field WHERE slug = ?1").setParameter(1, slug)
                .getResultList().isEmpty();
    }

    @Override
    public int audienceSize(Announcement a) {
        String column = a.audience() == Announcement.Audience.NETWORK ? "a.id" : "m.account_id";
        return ((Number) audience(a, "SELECT COUNT(DISTINCT " + column + ") ", 0).getSingleResult()).intValue();
    }

    @Override
    public List<Long> audienceAfter(Announcement a, long afterAccountId, int limit) {
        String column = a.audience() == Announcement.Audience.NETWORK ? "a.id" : "m.account_id";
        @SuppressWarnings("unchecked")
        List<Object> ids = audience(a, "SELECT DISTINCT " + column + " ", afterAccountId)
                .setMaxResults(limit).getResultList();
        return ids.stream().map(v -> ((Number) v).longValue()).sorted().toList();
    }

    private Query audience(Announcement a, String select, long after) {
        String column = a.audience() == Announcement.Audience.NETWORK ? "a.id" : "m.account_id";
        String order = select.startsWith("SELECT COUNT") ? "" : " ORDER BY " + column;
        Query q = switch (a.audience()) {
            case NETWORK -> em.createNativeQuery(select + NETWORK + order);
            case FIELD -> em.createNativeQuery(select + FIELD + order).setParameter(3, a.fieldSlug().orElseThrow());
            case CITY -> em.createNativeQuery(select + CITY + order).setParameter(3, a.cityId().orElseThrow());
        };
        return q.setParameter(1, after).setParameter(2, a.authorId());
    }
}
