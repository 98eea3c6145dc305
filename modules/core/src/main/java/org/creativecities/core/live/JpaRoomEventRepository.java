package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** JPA implementation of {@link RoomEventRepository}. */
@ApplicationScoped
public class JpaRoomEventRepository implements RoomEventRepository {

    @PersistenceContext(unitName = "ccc")
    private EntityManager em;

    @Override
    public Optional<RoomEvent> findByClientMessageId(long roomId, long authorId, String clientMessageId) {
        return em.createQuery("SELECT e FROM RoomEvent e WHERE e.roomId = :room AND e.authorId = :author "
                        + "AND e.clientMessageId = :cmid", RoomEvent.class)
                .setParameter("room", roomId).setParameter("author", authorId).setParameter("cmid", clientMessageId)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<RoomEvent> findMessage(long roomId, long seq) {
        return em.createQuery("SELECT e FROM RoomEvent e WHERE e.roomId = :room AND e.seq = :seq "
                        + "AND e.eventType = 'message'", RoomEvent.class)
                .setParameter("room", roomId).setParameter("seq", seq).getResultStream().findFirst();
    }

    @Override
    public List<RoomEvent> after(long roomId, long afterSeq, int limit) {
        return em.createQuery("SELECT e FROM RoomEvent e WHERE e.roomId = :room AND e.seq > :seq ORDER BY e.seq ASC",
                        RoomEvent.class)
                .setParameter("room", roomId).setParameter("seq", afterSeq).setMaxResults(limit).getResultList();
    }

    @Override
    public List<RoomEvent> before(long roomId, long beforeSeq, int limit) {
        return em.createQuery("SELECT e FROM RoomEvent e WHERE e.roomId = :room AND e.seq < :seq "
                        + "ORDER BY e.seq DESC", RoomEvent.class)
                .setParameter("room", roomId).setParameter("seq", beforeSeq).setMaxResults(limit).getResultList();
    }

    @Override
    public Optional<RoomEvent> latestMessageOf(long roomId, long authorId) {
        return em.createQuery("SELECT e FROM RoomEvent e WHERE e.roomId = :room AND e.authorId = :author "
                        + "AND e.eventType = 'message' ORDER BY e.seq DESC", RoomEvent.class)
                .setParameter("room", roomId).setParameter("author", authorId).setMaxResults(1)
                .getResultStream().findFirst();
    }

    @Override
    public RoomEvent add(RoomEvent event) {
        em.persist(event);
        return event;
    }

    @Override
    public void deleteOfRoom(long roomId) {
        em.createQuery("DELETE FROM RoomEvent e WHERE e.roomId = :room").setParameter("room", roomId).executeUpdate();
    }
}
