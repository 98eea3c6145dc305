package org.creativecities.core.live;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The rooms in memory: each room's {@link RoomHub}, made when the room is first used, dropped when it is deleted; and
 * who is in them on other nodes ({@link ClusterPresence}).
 */
final class RoomHubs {

    private final ConcurrentMap<Long, RoomHub> hubs = new ConcurrentHashMap<>();
    private final ClusterPresence presence;

    RoomHubs(ClusterPresence presence) {
        this.presence = presence;
    }

    /** Who is in the rooms on other nodes. */
    ClusterPresence presence() {
        return presence;
    }

    /** The room's hub, made on first use. */
    RoomHub of(long roomId) {
        return hubs.computeIfAbsent(roomId, id -> new RoomHub(id, presence));
    }

    /** The room's hub if anyone used the room since the start, else null. */
    RoomHub existing(long roomId) {
        return hubs.get(roomId);
    }

    /** Every room in memory now. */
    java.util.Collection<RoomHub> all() {
        return java.util.List.copyOf(hubs.values());
    }

    /** Forgets the room's hub; the hub it had, or null. */
    RoomHub remove(long roomId) {
        return hubs.remove(roomId);
    }
}
