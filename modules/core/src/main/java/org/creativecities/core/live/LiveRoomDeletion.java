package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.creativecities.core.space.RoomDeletion;

/**
 * What a room's deletion means for the live rooms: in the deleting transaction its events (messages, edits,
 * reactions, system events) and mentions go; once it committed, the people in it leave it with {@code room-deleted}
 * (the rights cached for it are dropped by the {@code RulesChanged} the deletion fires).
 */
@ApplicationScoped
public class LiveRoomDeletion {

    @Inject
    private RoomEventRepository events;

    @Inject
    private MentionRepository mentions;

    @Inject
    private LiveEngine engine;

    void deleting(@Observes RoomDeletion.Deleting event) {
        mentions.deleteOfRoom(event.roomId());
        events.deleteOfRoom(event.roomId());
    }

    void deleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomDeletion.Deleted event) {
        engine.roomDeleted(event.roomId());
    }
}
