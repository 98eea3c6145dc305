package org.creativecities.core.live;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The rooms in memory: each room's {@link RoomHub}, made when the room is first used, dropped when it is deleted. */
final class RoomHubs {

    private final ConcurrentMap<Long, RoomHub> hubs = new ConcurrentHashMap<>();

    /** The room's hub, made on first use. */
    RoomHub of(long roomId) {
        return hubs.computeIfAbsent(roomId, RoomHub::new);
    }

    /** The room's hub if anyone used the room since the start, else null. */
    RoomHub existing(long roomId) {
        return hubs.get(roomId);
    }

    /** Forgets the room's hub; the hub it had, or null. */
    RoomHub remove(long roomId) {
        return hubs.remove(roomId);
    }
}
