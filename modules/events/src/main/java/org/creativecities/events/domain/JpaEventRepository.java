package org.creativecities.events.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The JPA implementation of {@link EventRepository}, on the events context's own persistence unit. */
@ApplicationScoped
class JpaEventRepository implements EventRepository {

    @PersistenceContext(unitName = "events")
    private EntityManager em;

    @Override
    public Optional<Event> find(long id) {
        return Optional.ofNullable(em.find(Event.class, id));
    }

    @Override
    public Optional<Event> lock(long id) {
        return Optional.ofNullable(em.find(Event.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Event add(Event event) {
        em.persist(event);
        em.flush();
        return event;
    }

    @Override
    public void remove(Event event) {
        em.createQuery("DELETE FROM Rsvp r WHERE r.eventId = :e").setParameter("e", event.id()).executeUpdate();
        em.remove(event);
    }

    @Override
    public List<Event> candidates(Query q, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM Event e WHERE e.startsAt < :to AND (e.endsAt >= :from "
                + "OR e.rrule IS NOT NULL)");
        if (!q.everything()) {
            jpql.append(" AND (e.status = :published");
            q.viewer().ifPresent(v -> jpql.append(" OR e.createdBy = :viewer"));
            if (!q.coordinated().isEmpty()) {
                jpql.append(" OR e.id IN (SELECT e3.id FROM Event e3 JOIN e3.cityIds c3 WHERE c3 IN :coordinated)");
            }
            jpql.append(")");
        }
        q.cityId().ifPresent(c -> jpql.append(" AND e.id IN (SELECT e1.id FROM Event e1 JOIN e1.cityIds c1 "
                + "WHERE c1 = :city)"));
        q.fieldId().ifPresent(f -> jpql.append(" AND e.id IN (SELECT e2.id FROM Event e2 JOIN e2.fieldIds f2 "
                + "WHERE f2 = :field)"));
        q.spaceId().ifPresent(s -> jpql.append(" AND e.spaceId = :space"));
        jpql.append(" ORDER BY e.startsAt, e.id");
        TypedQuery<Event> query = em.createQuery(jpql.toString(), Event.class)
                .setParameter("to", q.to()).setParameter("from", q.from());
        if (!q.everything()) {
            query.setParameter("published", Event.Status.PUBLISHED);
            q.viewer().ifPresent(v -> query.setParameter("viewer", v));
            if (!q.coordinated().isEmpty()) {
                query.setParameter("coordinated", q.coordinated());
            }
        }
        q.cityId().ifPresent(c -> query.setParameter("city", c));
        q.fieldId().ifPresent(f -> query.setParameter("field", f));
        q.spaceId().ifPresent(s -> query.setParameter("space", s));
        return query.setMaxResults(limit).getResultList();
    }

    @Override
    public List<Event> published(Collection<Long> cityIds, Collection<Long> fieldIds, int limit) {
        String byCity = "e.id IN (SELECT e1.id FROM Event e1 JOIN e1.cityIds c1 WHERE c1 IN :cities)";
        String byField = "e.id IN (SELECT e2.id FROM Event e2 JOIN e2.fieldIds f2 WHERE f2 IN :fields)";
        String where = cityIds.isEmpty() ? byField : byCity;
        TypedQuery<Event> query = em.createQuery("SELECT e FROM Event e WHERE e.status = :published AND " + where
                + " ORDER BY e.startsAt DESC, e.id DESC", Event.class).setParameter("published", Event.Status.PUBLISHED);
        if (cityIds.isEmpty()) {
            query.setParameter("fields", fieldIds);
        } else {
            query.setParameter("cities", cityIds);
        }
        return query.setMaxResults(limit).getResultList();
    }

    @Override
    public List<Event> answeredBy(long accountId, int limit) {
        return em.createQuery("SELECT e FROM Event e WHERE e.status = :published AND e.id IN (SELECT r.eventId FROM "
                        + "Rsvp r WHERE r.accountId = :a AND r.state IN :states) ORDER BY e.startsAt DESC, e.id DESC",
                        Event.class)
                .setParameter("published", Event.Status.PUBLISHED).setParameter("a", accountId)
                .setParameter("states", List.of(Rsvp.State.GOING, Rsvp.State.WAITING, Rsvp.State.INTERESTED))
                .setMaxResults(limit).getResultList();
    }

    @Override
    public Optional<Rsvp> rsvp(long eventId, long accountId) {
        return em.createQuery("SELECT r FROM Rsvp r WHERE r.eventId = :e AND r.accountId = :a", Rsvp.class)
                .setParameter("e", eventId).setParameter("a", accountId).getResultStream().findFirst();
    }

    @Override
    public Rsvp addRsvp(Rsvp rsvp) {
        em.persist(rsvp);
        em.flush();
        return rsvp;
    }

    @Override
    public void removeRsvp(Rsvp rsvp) {
        em.remove(rsvp);
        em.flush();
    }

    @Override
    public long count(long eventId, Rsvp.State state) {
        return em.createQuery("SELECT COUNT(r) FROM Rsvp r WHERE r.eventId = :e AND r.state = :s", Long.class)
                .setParameter("e", eventId).setParameter("s", state).getSingleResult();
    }

    @Override
    public List<Rsvp> waiting(long eventId) {
        return em.createQuery("SELECT r FROM Rsvp r WHERE r.eventId = :e AND r.state = :s ORDER BY r.answeredAt, r.id",
                Rsvp.class).setParameter("e", eventId).setParameter("s", Rsvp.State.WAITING).getResultList();
    }

    @Override
    public Optional<CalendarToken> token(long accountId) {
        return Optional.ofNullable(em.find(CalendarToken.class, accountId));
    }

    @Override
    public Optional<Long> accountOfToken(String tokenHash) {
        return em.createQuery("SELECT t.accountId FROM CalendarToken t WHERE t.tokenHash = :h", Long.class)
                .setParameter("h", tokenHash).getResultStream().findFirst();
    }

    @Override
    public CalendarToken addToken(CalendarToken token) {
        em.persist(token);
        return token;
    }

    @Override
    public List<Long> answering(long eventId, Collection<Rsvp.State> states) {
        return em.createQuery("SELECT r.accountId FROM Rsvp r WHERE r.eventId = :e AND r.state IN :states "
                + "ORDER BY r.accountId", Long.class).setParameter("e", eventId).setParameter("states", states)
                .getResultList();
    }

    @Override
    public boolean claimForReminders(long eventId) {
        return !em.createNativeQuery("SELECT id FROM event WHERE id = ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, eventId).getResultList().isEmpty();
    }

    @Override
    public boolean remember(long eventId, OffsetDateTime start, long accountId, OffsetDateTime now) {
        boolean known = !em.createNativeQuery("SELECT account_id FROM event_reminder WHERE event_id = ? AND "
                        + "occurrence_start = ? AND account_id = ?").setParameter(1, eventId).setParameter(2, start)
                .setParameter(3, accountId).getResultList().isEmpty();
        if (known) {
            return false;
        }
        em.createNativeQuery("INSERT INTO event_reminder (event_id, occurrence_start, account_id, sent_at) "
                        + "VALUES (?, ?, ?, ?)").setParameter(1, eventId).setParameter(2, start)
                .setParameter(3, accountId).setParameter(4, now).executeUpdate();
        return true;
    }

    @Override
    public Optional<Event> ofRoom(long roomId) {
        return em.createQuery("SELECT e FROM Event e WHERE e.roomId = :r", Event.class).setParameter("r", roomId)
                .getResultStream().findFirst();
    }

    @Override
    public boolean seedRowImported(String key) {
        return !em.createNativeQuery("SELECT seed_key FROM event_seed_row WHERE seed_key = ?")
                .setParameter(1, key).getResultList().isEmpty();
    }

    @Override
    public void recordSeedRow(String key, Long eventId, OffsetDateTime at) {
        em.createNativeQuery("INSERT INTO event_seed_row (seed_key, event_id, imported_at) VALUES (?, ?, ?)")
                .setParameter(1, key).setParameter(2, eventId).setParameter(3, at).executeUpdate();
    }
}
