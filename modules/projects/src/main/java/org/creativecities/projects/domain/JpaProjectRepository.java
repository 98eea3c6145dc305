package org.creativecities.projects.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The JPA implementation of {@link ProjectRepository}, on the projects context's own persistence unit. */
@ApplicationScoped
class JpaProjectRepository implements ProjectRepository {

    @PersistenceContext(unitName = "projects")
    private EntityManager em;

    @Override
    public Optional<Project> find(long id) {
        return Optional.ofNullable(em.find(Project.class, id));
    }

    @Override
    public Optional<Project> lock(long id) {
        return Optional.ofNullable(em.find(Project.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Project> findBySpace(long spaceId) {
        return em.createQuery("SELECT p FROM Project p WHERE p.spaceId = :s", Project.class)
                .setParameter("s", spaceId).getResultStream().findFirst();
    }

    @Override
    public List<Project> withoutSpace(int limit) {
        return em.createQuery("SELECT p FROM Project p WHERE p.spaceId IS NULL ORDER BY p.id", Project.class)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public Project add(Project project) {
        em.persist(project);
        em.flush();
        return project;
    }

    @Override
    public List<Project> list(Optional<Long> cityId, Optional<Long> fieldId, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT p FROM Project p WHERE 1 = 1");
        cityId.ifPresent(c -> jpql.append(" AND p.id IN (SELECT p1.id FROM Project p1 JOIN p1.cityIds c1 "
                + "WHERE c1 = :city)"));
        fieldId.ifPresent(f -> jpql.append(" AND p.id IN (SELECT p2.id FROM Project p2 JOIN p2.fieldIds f2 "
                + "WHERE f2 = :field)"));
        jpql.append(" ORDER BY p.createdAt DESC, p.id DESC");
        TypedQuery<Project> query = em.createQuery(jpql.toString(), Project.class);
        cityId.ifPresent(c -> query.setParameter("city", c));
        fieldId.ifPresent(f -> query.setParameter("field", f));
        return query.setMaxResults(limit).getResultList();
    }

    @Override
    public List<ProjectMember> members(long projectId) {
        return em.createQuery("SELECT m FROM ProjectMember m WHERE m.projectId = :p ORDER BY m.createdAt, m.id",
                ProjectMember.class).setParameter("p", projectId).getResultList();
    }

    @Override
    public Optional<ProjectMember> member(long projectId, long accountId) {
        return em.createQuery("SELECT m FROM ProjectMember m WHERE m.projectId = :p AND m.accountId = :a",
                        ProjectMember.class).setParameter("p", projectId).setParameter("a", accountId)
                .getResultStream().findFirst();
    }

    @Override
    public ProjectMember addMember(ProjectMember member) {
        em.persist(member);
        em.flush();
        return member;
    }

    @Override
    public void removeMember(ProjectMember member) {
        em.remove(member);
    }

    @Override
    public Milestone addMilestone(Milestone milestone) {
        em.persist(milestone);
        em.flush();
        return milestone;
    }

    @Override
    public List<Milestone> milestones(long projectId) {
        return em.createQuery("SELECT m FROM Milestone m WHERE m.projectId = :p ORDER BY m.dueOn, m.id",
                Milestone.class).setParameter("p", projectId).getResultList();
    }

    @Override
    public Optional<Milestone> nextMilestone(long projectId, LocalDate from) {
        return em.createQuery("SELECT m FROM Milestone m WHERE m.projectId = :p AND m.dueOn >= :from "
                        + "ORDER BY m.dueOn, m.id", Milestone.class).setParameter("p", projectId)
                .setParameter("from", from).setMaxResults(1).getResultStream().findFirst();
    }
}
