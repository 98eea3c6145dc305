package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.space.ModerationService;
import org.creativecities.core.space.Room;
import org.creativecities.core.space.SpaceRepository;
import org.creativecities.core.space.SpaceRules;

/**
 * Changes to a room's messages after they were posted: an author's edit, a deletion (by the author, or by a
 * manager, which is recorded as moderation and tells the author), and reactions. Each takes the room's row lock and
 * its next sequence number, and stores the change as an event of the room, in one transaction; the engine calls it
 * while holding the room's in-memory lock.
 */
@ApplicationScoped
public class MessageChanges {

    @Inject
    private SpaceRepository spaces;

    @Inject
    private SpaceRules spaceRules;

    @Inject
    private RoomEventRepository events;

    @Inject
    private TimeSource time;

    @Inject
    private ModerationService moderation;

    @Inject
    private jakarta.enterprise.event.Event<MessageChanged> changed;

    @Inject
    private jakarta.enterprise.event.Event<MessageRemoved> removed;

    /**
     * Edits one's own message.
     *
     * @param text the new text
     * @param html the new text rendered to safe HTML, before the room's lock was taken ({@link MessageRenderer})
     */
    @Transactional
    public RoomEvent edit(Caller.Identity who, long roomId, long target, String text, String html) {
        LiveService.checkText(text);
        Room room = writable(who, roomId);
        RoomEvent message = liveMessage(roomId, target);
        if (message.authorId() != who.id()) {
            throw new LiveException(LiveError.FORBIDDEN, "You can edit only your own messages.");
        }
        message.applyEdit(text, html, time.now());
        changed.fire(new MessageChanged(roomId, target, false));
        return events.add(RoomEvent.edit(roomId, room.nextSeq(), who.id(), who.displayName(), target, text, html,
                time.now()));
    }

    @Transactional
    public RoomEvent delete(Caller.Identity who, long roomId, long target) {
        Room room = spaces.lockRoom(roomId).filter(r -> spaceRules.canReadRoom(Optional.of(who), r))
                .orElseThrow(() -> new LiveException(LiveError.NOT_FOUND, "No room " + roomId + " that you can read."));
        RoomEvent message = liveMessage(roomId, target);
        boolean manager = spaceRules.canManage(Optional.of(who), room.space());
        if (message.authorId() != who.id() && !manager) {
            throw new LiveException(LiveError.FORBIDDEN, "You can delete only your own messages.");
        }
        if (!manager) {
            spaceRules.postRefusal(who, room).ifPresent(reason -> {
                throw new LiveException(LiveError.FORBIDDEN, "You cannot write here: " + reason + ".");
            });
        }
        message.applyDelete();
        changed.fire(new MessageChanged(roomId, target, true));
        if (message.authorId() != who.id()) {
            moderation.record(who, "delete-message", room.space().id(), roomId, message.authorId(), target, null);
            removed.fire(new MessageRemoved(roomId, target, message.authorId(), who.id()));
        }
        return events.add(RoomEvent.delete(roomId, room.nextSeq(), who.id(), who.displayName(), target, time.now()));
    }

    @Transactional
    public RoomEvent react(Caller.Identity who, long roomId, long target, String emoji, boolean add) {
        if (emoji == null || emoji.isBlank() || emoji.length() > 32) {
            throw new LiveException(LiveError.BAD_FRAME, "An emoji of 1 to 32 characters.");
        }
        Room room = writable(who, roomId);
        liveMessage(roomId, target);
        return events.add(RoomEvent.reaction(roomId, room.nextSeq(), who.id(), who.displayName(), target, emoji,
                add, time.now()));
    }

    private Room writable(Caller.Identity who, long roomId) {
        Room room = spaces.lockRoom(roomId).filter(r -> spaceRules.canReadRoom(Optional.of(who), r))
                .orElseThrow(() -> new LiveException(LiveError.NOT_FOUND, "No room " + roomId + " that you can read."));
        spaceRules.postRefusal(who, room).ifPresent(reason -> {
            throw new LiveException(LiveError.FORBIDDEN, "You cannot post here: " + reason + ".");
        });
        return room;
    }

    private RoomEvent liveMessage(long roomId, long seq) {
        return events.findMessage(roomId, seq).filter(m -> !m.isDeleted())
                .orElseThrow(() -> new LiveException(LiveError.NOT_FOUND, "No message " + seq + " in this room."));
    }
}
