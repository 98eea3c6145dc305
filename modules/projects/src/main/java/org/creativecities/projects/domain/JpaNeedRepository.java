package org.creativecities.projects.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The JPA implementation of {@link NeedRepository}, on the projects context's own persistence unit. */
@ApplicationScoped
class JpaNeedRepository implements NeedRepository {

    @PersistenceContext(unitName = "projects")
    private EntityManager em;

    @Override
    public Need add(Need need) {
        em.persist(need);
        em.flush();
        return need;
    }

    @Override
    public Optional<Need> find(long projectId, long needId) {
        return Optional.ofNullable(em.find(Need.class, needId)).filter(n -> n.projectId() == projectId);
    }

    @Override
    public List<Need> ofProject(long projectId) {
        return em.createQuery("SELECT n FROM Need n WHERE n.projectId = :p ORDER BY n.createdAt, n.id", Need.class)
                .setParameter("p", projectId).getResultList();
    }

    @Override
    public List<SynonymGroup> synonymGroups() {
        return em.createQuery("SELECT g FROM SynonymGroup g ORDER BY g.position, g.id", SynonymGroup.class)
                .getResultList();
    }

    @Override
    public void replaceSynonymGroups(List<SynonymGroup> groups) {
        em.createQuery("DELETE FROM SynonymGroup g").executeUpdate();
        groups.forEach(em::persist);
        em.flush();
    }
}
