package org.creativecities.citypages.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The JPA implementation of {@link PageVersionRepository}, on the city pages' own persistence unit. */
@ApplicationScoped
class JpaPageVersionRepository implements PageVersionRepository {

    @PersistenceContext(unitName = "citypages")
    private EntityManager em;

    @Override
    public Optional<PageVersion> latest(long cityId) {
        return list(cityId, 1).stream().findFirst();
    }

    @Override
    public Optional<PageVersion> find(long cityId, int number) {
        return em.createQuery("SELECT v FROM PageVersion v WHERE v.cityId = :city AND v.number = :n",
                        PageVersion.class).setParameter("city", cityId).setParameter("n", number)
                .getResultStream().findFirst();
    }

    @Override
    public List<PageVersion> list(long cityId, int limit) {
        return em.createQuery("SELECT v FROM PageVersion v WHERE v.cityId = :city ORDER BY v.number DESC",
                PageVersion.class).setParameter("city", cityId).setMaxResults(limit).getResultList();
    }

    @Override
    public void add(PageVersion version) {
        em.persist(version);
        em.flush();
    }
}
