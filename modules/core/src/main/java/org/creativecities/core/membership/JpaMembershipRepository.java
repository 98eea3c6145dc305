package org.creativecities.core.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JPA implementation of {@link MembershipRepository}. */
@ApplicationScoped
public class JpaMembershipRepository implements MembershipRepository {

    @PersistenceContext(unitName = "ccc")
    private EntityManager em;

    @Override
    public Optional<Membership> find(long cityId, long accountId) {
        return em.createQuery("SELECT m FROM Membership m WHERE m.city.id = :city AND m.account.id = :account",
                        Membership.class)
                .setParameter("city", cityId).setParameter("account", accountId).getResultStream().findFirst();
    }

    @Override
    public List<Membership> ofAccount(long accountId) {
        return em.createQuery("SELECT m FROM Membership m WHERE m.account.id = :account ORDER BY m.city.name",
                Membership.class).setParameter("account", accountId).getResultList();
    }

    @Override
    public List<Membership> ofCity(long cityId, Membership.Status status, Optional<Membership.Role> role, int offset,
                                   int limit) {
        TypedQuery<Membership> q = em.createQuery("SELECT m FROM Membership m WHERE m.city.id = :city "
                + "AND m.status = :status" + (role.isPresent() ? " AND m.role = :role" : "")
                + " ORDER BY m.role DESC, m.account.displayName, m.id", Membership.class);
        q.setParameter("city", cityId).setParameter("status", status);
        role.ifPresent(r -> q.setParameter("role", r));
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public Map<Long, Long> activeMembersPerCity() {
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery("SELECT m.city.id, COUNT(m) FROM Membership m WHERE m.status = :status GROUP BY m.city.id",
                        Object[].class)
                .setParameter("status", Membership.Status.ACTIVE).getResultList()
                .forEach(r -> counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return counts;
    }

    @Override
    public List<RoleHolder> activeWithRole(Membership.Role role) {
        return em.createQuery("SELECT m.city.id, a.id, a.displayName FROM Membership m JOIN m.account a "
                        + "WHERE m.status = :status AND m.role = :role ORDER BY m.city.id, a.displayName, m.id",
                        Object[].class)
                .setParameter("status", Membership.Status.ACTIVE).setParameter("role", role).getResultList().stream()
                .map(r -> new RoleHolder(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2]))
                .toList();
    }

    @Override
    public long countOfCity(long cityId, Membership.Status status, Optional<Membership.Role> role) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(m) FROM Membership m WHERE m.city.id = :city "
                + "AND m.status = :status" + (role.isPresent() ? " AND m.role = :role" : ""), Long.class);
        q.setParameter("city", cityId).setParameter("status", status);
        role.ifPresent(r -> q.setParameter("role", r));
        return q.getSingleResult();
    }

    @Override
    public Membership add(Membership membership) {
        em.persist(membership);
        em.flush();
        return membership;
    }

    @Override
    public void remove(Membership membership) {
        em.remove(membership);
    }

    @Override
    public Optional<Profile> findProfile(long accountId) {
        return Optional.ofNullable(em.find(Profile.class, accountId));
    }

    @Override
    public Profile addProfile(Profile profile) {
        em.persist(profile);
        return profile;
    }

    @Override
    public List<Profile> profilesWithoutSearchKeys(int limit) {
        return em.createQuery("SELECT p FROM Profile p WHERE p.searchText IS NULL ORDER BY p.accountId", Profile.class)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public List<Profile> directory(DirectoryQuery query, int offset, int limit) {
        TypedQuery<Profile> q = em.createQuery("SELECT p FROM Profile p LEFT JOIN p.homeCity hc" + where(query)
                + " ORDER BY p.account.displayName, p.accountId", Profile.class);
        bind(q, query);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countDirectory(DirectoryQuery query) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(p) FROM Profile p LEFT JOIN p.homeCity hc" + where(query),
                Long.class);
        bind(q, query);
        return q.getSingleResult();
    }

    private static String where(DirectoryQuery query) {
        StringBuilder jpql = new StringBuilder(" WHERE 1 = 1");
        if (!query.tags().isEmpty()) {
            jpql.append(" AND (");
            for (int i = 0; i < query.tags().size(); i++) {
                jpql.append(i == 0 ? "" : " OR ").append("p.searchTags LIKE :tag").append(i);
            }
            jpql.append(')');
        }
        query.field().ifPresent(t -> jpql.append(" AND :field MEMBER OF p.fields"));
        query.language().ifPresent(t -> jpql.append(" AND :language MEMBER OF p.languages"));
        query.city().ifPresent(t -> jpql.append(" AND (hc.slug = :city OR EXISTS (SELECT m FROM Membership m "
                + "WHERE m.account.id = p.accountId AND m.city.slug = :city "
                + "AND m.status = org.creativecities.core.membership.Membership.Status.ACTIVE))"));
        query.text().ifPresent(t -> jpql.append(" AND p.searchText LIKE :text"));
        return jpql.toString();
    }

    private static void bind(TypedQuery<?> q, DirectoryQuery query) {
        for (int i = 0; i < query.tags().size(); i++) {
            q.setParameter("tag" + i, "% " + query.tags().get(i) + " %");
        }
        query.field().ifPresent(t -> q.setParameter("field", t));
        query.language().ifPresent(t -> q.setParameter("language", t));
        query.city().ifPresent(t -> q.setParameter("city", t));
        query.text().ifPresent(t -> q.setParameter("text", "%" + t.replace("%", "").replace("_", "") + "%"));
    }
}
