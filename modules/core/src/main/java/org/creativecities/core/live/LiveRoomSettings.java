package org.creativecities.core.live;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.creativecities.core.space.SpaceService;

/**
 * Pushes a room's moderation settings (locked, slow mode, archived) to everyone in the room once a manager's change
 * committed, as a {@code room-settings} frame (docs/protocol.md). It observes after the posting rights' caches were
 * dropped (a later priority than {@link PostAdmission}'s), so that a post sent on the frame meets the new rules.
 */
@ApplicationScoped
public class LiveRoomSettings {

    @Inject
    private LiveEngine engine;

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.APPLICATION + 900)
                 SpaceService.RoomSettingsChanged event) {
        RoomHub hub = engine.existingHub(event.roomId());
        if (hub != null) {
            hub.broadcast(Frames.roomSettings(event.roomId(), event.locked(), event.slowModeSeconds(),
                    event.archived(), Frames.user(event.by().id(), event.by().displayName())));
        }
    }
}
