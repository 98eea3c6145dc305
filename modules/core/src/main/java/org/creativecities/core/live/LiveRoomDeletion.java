package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.creativecities.core.space.RoomDeletion;

/**
 * What a room's deletion means for the live rooms: in the deleting transaction its events (messages, edits,
 * reactions, system events) and mentions go; once it committed, the people in it leave it with {@code room-deleted}
 * (the rights cached for it are dropped by the {@code RulesChanged} the deletion fires).
 */
@ApplicationScoped
public class LiveRoomDeletion {

    @PersistenceContext(unitName = "ccc")
    private EntityManager em;

    @Inject
    private LiveEngine engine;

    void deleting(@Observes RoomDeletion.Deleting event) {
        em.createQuery("DELETE FROM Mention m WHERE m.roomId = :room").setParameter("room", event.roomId())
                .executeUpdate();
        em.createQuery("DELETE FROM RoomEvent e WHERE e.roomId = :room").setParameter("room", event.roomId())
                .executeUpdate();
    }

    void deleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomDeletion.Deleted event) {
        engine.roomDeleted(event.roomId());
    }
}
