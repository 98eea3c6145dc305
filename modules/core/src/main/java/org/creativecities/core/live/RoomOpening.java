package org.creativecities.core.live;

import java.util.Optional;

/**
 * A context's say on when a room may be entered over {@code /ws} (an extension point: application-scoped CDI beans,
 * any number, found once when the engine starts). The engine asks every one when a connection joins a room it may
 * read; one answer refuses the join with a {@code not-open} error frame carrying that answer as its reason. Events
 * use it for an online event's room, which opens shortly before the event starts. It runs on the joining thread,
 * before the room's lock: answer from memory or one indexed read.
 */
public interface RoomOpening {

    /**
     * Why the room cannot be entered yet, or empty when it can (or is none of this context's rooms).
     *
     * @param roomId a room the joiner may read
     * @return for the person: when the room opens
     */
    Optional<String> notOpenYet(long roomId);
}
