package org.creativecities.works.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The JPA implementation of {@link WorkRepository}, on the works context's own persistence unit. */
@ApplicationScoped
public class JpaWorkRepository implements WorkRepository {

    /** Published to everyone and not deleted. */
    private static final String PUBLIC = "w.deletedAt IS NULL AND w.status = :published AND w.audience = :everyone";

    /**
     * By the city's people or about it. Not {@code MEMBER OF}, which EclipseLink writes as an inner join that drops
     * the works about no city at all.
     */
    private static final String OF_CITY = "(w.id IN (SELECT w2.id FROM Work w2 JOIN w2.classification.aboutCityIds c "
            + "WHERE c = :city) OR EXISTS (SELECT a FROM WorkAuthor a WHERE a.work = w AND a.cityId = :city))";

    @PersistenceContext(unitName = "works")
    private EntityManager em;

    @Override
    public Optional<Work> find(long id) {
        return Optional.ofNullable(em.find(Work.class, id));
    }

    @Override
    public Optional<Work> lock(long id) {
        return Optional.ofNullable(em.find(Work.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Work add(Work work) {
        em.persist(work);
        em.flush();
        return work;
    }

    @Override
    public WorkVersion addVersion(WorkVersion version) {
        em.persist(version);
        return version;
    }

    @Override
    public Optional<WorkVersion> version(long workId, int number) {
        return em.createQuery("SELECT v FROM WorkVersion v WHERE v.workId = :w AND v.number = :n", WorkVersion.class)
                .setParameter("w", workId).setParameter("n", number).getResultStream().findFirst();
    }

    @Override
    public List<WorkVersion> versions(long workId) {
        return em.createQuery("SELECT v FROM WorkVersion v WHERE v.workId = :w ORDER BY v.number DESC",
                WorkVersion.class).setParameter("w", workId).getResultList();
    }

    @Override
    public Publication addPublication(Publication publication) {
        em.persist(publication);
        return publication;
    }

    @Override
    public Optional<Publication> pendingPublication(long workId) {
        return em.createQuery("SELECT p FROM Publication p WHERE p.workId = :w AND p.state = :s", Publication.class)
                .setParameter("w", workId).setParameter("s", Publication.State.PENDING).getResultStream().findFirst();
    }

    @Override
    public List<Long> spacesPublishedTo() {
        return em.createQuery("SELECT DISTINCT w.spaceId FROM Work w WHERE w.deletedAt IS NULL AND w.status = :p "
                + "AND w.audience = :s", Long.class).setParameter("p", Work.Status.PUBLISHED)
                .setParameter("s", Work.Audience.SPACE).getResultList();
    }

    @Override
    public Set<Long> openIn(long spaceId) {
        return em.createQuery("SELECT w FROM Work w WHERE w.spaceId = :s AND w.deletedAt IS NULL", Work.class)
                .setParameter("s", spaceId).getResultStream().filter(Work::isOpenToSpace).map(Work::id)
                .collect(Collectors.toSet());
    }

    @Override
    public List<Work> list(Query query, int offset, int limit) {
        TypedQuery<Work> q = em.createQuery("SELECT w FROM Work w WHERE " + where(query)
                + " ORDER BY w.updatedAt DESC, w.id DESC", Work.class);
        parameters(query).forEach(q::setParameter);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(Query query) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(w) FROM Work w WHERE " + where(query),
                Long.class);
        parameters(query).forEach(q::setParameter);
        return q.getSingleResult();
    }

    private static String where(Query query) {
        List<String> clauses = new ArrayList<>();
        clauses.add("w.deletedAt IS NULL");
        if (!query.everything()) {
            List<String> visible = new ArrayList<>();
            visible.add("(w.status = :published AND w.audience = :everyone)");
            if (!query.readableSpaceIds().isEmpty()) {
                visible.add("(w.status = :published AND w.audience = :space AND w.spaceId IN :spaces)");
            }
            if (query.viewerId().isPresent()) {
                visible.add("EXISTS (SELECT a FROM WorkAuthor a WHERE a.work = w AND a.accountId = :viewer)");
            }
            if (!query.openIds().isEmpty()) {
                visible.add("w.id IN :openIds");
            }
            clauses.add("(" + String.join(" OR ", visible) + ")");
        }
        query.cityId().ifPresent(c -> clauses.add(OF_CITY));
        query.fieldId().ifPresent(f -> clauses.add(":field MEMBER OF w.classification.fieldIds"));
        query.authorId().ifPresent(a -> clauses.add(
                "EXISTS (SELECT aa FROM WorkAuthor aa WHERE aa.work = w AND aa.accountId = :author)"));
        query.status().ifPresent(s -> clauses.add("w.status = :status"));
        query.spaceId().ifPresent(s -> clauses.add("w.spaceId = :inSpace"));
        return String.join(" AND ", clauses);
    }

    private static Map<String, Object> parameters(Query query) {
        Map<String, Object> p = new HashMap<>();
        if (!query.everything()) {
            p.put("published", Work.Status.PUBLISHED);
            p.put("everyone", Work.Audience.EVERYONE);
            if (!query.readableSpaceIds().isEmpty()) {
                p.put("space", Work.Audience.SPACE);
                p.put("spaces", query.readableSpaceIds());
            }
            query.viewerId().ifPresent(v -> p.put("viewer", v));
        }
        query.cityId().ifPresent(c -> p.put("city", c));
        query.fieldId().ifPresent(f -> p.put("field", f));
        query.authorId().ifPresent(a -> p.put("author", a));
        query.status().ifPresent(s -> p.put("status", s));
        query.spaceId().ifPresent(s -> p.put("inSpace", s));
        if (!query.everything() && !query.openIds().isEmpty()) {
            p.put("openIds", query.openIds());
        }
        return p;
    }

    @Override
    public List<Work> derivedFrom(Collection<Long> workIds) {
        if (workIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT w FROM Work w WHERE w.derivedFromWorkId IN :ids AND w.deletedAt IS NULL "
                + "ORDER BY w.id", Work.class).setParameter("ids", workIds).getResultList();
    }

    @Override
    public List<Work> publicOfCity(long cityId, int limit) {
        return em.createQuery("SELECT w FROM Work w WHERE " + PUBLIC + " AND " + OF_CITY
                        + " ORDER BY w.publishedAt DESC, w.id DESC", Work.class)
                .setParameter("published", Work.Status.PUBLISHED).setParameter("everyone", Work.Audience.EVERYONE)
                .setParameter("city", cityId).setMaxResults(limit).getResultList();
    }

    @Override
    public List<Work> publicOfField(long fieldId, int limit) {
        return em.createQuery("SELECT w FROM Work w WHERE " + PUBLIC
                        + " AND :field MEMBER OF w.classification.fieldIds "
                        + "ORDER BY w.publishedAt DESC, w.id DESC", Work.class)
                .setParameter("published", Work.Status.PUBLISHED).setParameter("everyone", Work.Audience.EVERYONE)
                .setParameter("field", fieldId).setMaxResults(limit).getResultList();
    }

    @Override
    public List<Work> sharedBy(long accountId, long otherAccountId) {
        return em.createQuery("SELECT w FROM Work w WHERE w.deletedAt IS NULL"
                + " AND EXISTS (SELECT a FROM WorkAuthor a WHERE a.work = w AND a.accountId = :a)"
                + " AND EXISTS (SELECT b FROM WorkAuthor b WHERE b.work = w AND b.accountId = :b) ORDER BY w.id",
                Work.class).setParameter("a", accountId).setParameter("b", otherAccountId).getResultList();
    }

    @Override
    public List<Work> allLive(int offset, int limit) {
        return em.createQuery("SELECT w FROM Work w WHERE w.deletedAt IS NULL ORDER BY w.id", Work.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public String fingerprint() {
        Object[] row = em.createQuery("SELECT COUNT(w), MAX(w.updatedAt), MAX(w.rowVersion) FROM Work w",
                Object[].class).getSingleResult();
        return row[0] + "/" + row[1] + "/" + row[2];
    }
}
