package org.creativecities.benchfloor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** Stores a greeting in a transaction when the application starts, as the platform stores its seed; reads them. */
@ApplicationScoped
public class Greetings {

    @PersistenceContext
    private EntityManager em;

    @Transactional
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        em.persist(new Greeting(java.util.UUID.randomUUID().toString(), "hello"));
    }

    /** Every stored text. */
    public List<String> texts() {
        return em.createQuery("select g from Greeting g", Greeting.class).getResultList().stream()
                .map(Greeting::text).toList();
    }
}
