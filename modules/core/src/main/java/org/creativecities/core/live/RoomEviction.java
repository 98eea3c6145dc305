package org.creativecities.core.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.cluster.Cluster;
import org.creativecities.core.space.ModerationService;

/**
 * Takes connections out of rooms they may no longer be in, once the change that decided it committed, each told with
 * an {@code error} frame for the room: {@code access-revoked} when a membership change took the right to read it
 * away, {@code kicked} or {@code banned} when a moderator removed the person, {@code room-deleted} for everyone in a
 * deleted room.
 *
 * <p>In a cluster the node where the change committed tells the others on the topic {@value #TOPIC}
 * ({@code M|account}, {@code K|kick-or-ban|account|room,room}, {@code D|room}), and each does the same for its own
 * connections. A lost message leaves a person in a room's delivery on one node until they reconnect; they still
 * cannot post or join there (rights come from the database).
 */
final class RoomEviction {

    /** The cluster topic of evictions. */
    static final String TOPIC = "live.evictions";

    private static final Logger LOG = Logger.getLogger(RoomEviction.class.getName());

    private final Connections connections;
    private final RoomHubs hubs;
    private final RoomEntry entry;
    private final LiveService service;
    private final Cluster cluster;
    private final java.util.concurrent.Executor executor;

    /** @param executor runs other nodes' evictions off the cluster's threads */
    RoomEviction(Connections connections, RoomHubs hubs, RoomEntry entry, LiveService service, Cluster cluster,
                 java.util.concurrent.Executor executor) {
        this.connections = connections;
        this.hubs = hubs;
        this.entry = entry;
        this.service = service;
        this.cluster = cluster;
        this.executor = executor;
    }

    /** Starts hearing the other nodes' evictions (in a cluster). */
    void start() {
        if (cluster.clustered()) {
            cluster.subscribe(TOPIC, message -> executor.execute(() -> heard(message)));
        }
    }

    /** Re-checks every room the account's connections are in, here and on the other nodes. */
    void membershipChanged(long accountId) {
        recheck(accountId);
        cluster.publish(TOPIC, "M|" + accountId);
    }

    /** Kicked or banned people leave the rooms concerned at once, here and on the other nodes. */
    void moderated(ModerationService.Moderated event) {
        if (!event.action().equals("kick") && !event.action().equals("ban")) {
            return;
        }
        removed(event.action(), event.accountId(), event.roomIds());
        if (event.roomIds().isEmpty()) {
            return;
        }
        cluster.publish(TOPIC, "K|" + event.action() + "|" + event.accountId() + "|"
                + String.join(",", event.roomIds().stream().map(String::valueOf).toList()));
    }

    /** A deleted room: everyone in it leaves it, here and on the other nodes. */
    void roomDeleted(long roomId) {
        deleted(roomId);
        cluster.publish(TOPIC, "D|" + roomId);
    }

    /** Another node's eviction. */
    private void heard(String message) {
        String[] p = message.split("\\|");
        try {
            switch (p[0]) {
                case "M" -> recheck(Long.parseLong(p[1]));
                case "K" -> {
                    List<Long> rooms = new ArrayList<>();
                    for (String r : p[3].split(",")) {
                        rooms.add(Long.parseLong(r));
                    }
                    removed(p[1], Long.parseLong(p[2]), rooms);
                }
                case "D" -> deleted(Long.parseLong(p[1]));
                default -> LOG.fine(() -> "An unknown eviction message was ignored: " + message);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Another node's eviction failed here: " + message, e);
        }
    }

    private void recheck(long accountId) {
        for (Connection c : connections.of(accountId)) {
            for (Long roomId : Set.copyOf(c.rooms())) {
                try {
                    service.readable(c.who(), roomId);
                } catch (LiveException e) {
                    entry.leave(c, roomId);
                    c.send(Frames.error(LiveError.ACCESS_REVOKED.code(), "You can no longer read this room.", null,
                            roomId));
                }
            }
        }
    }

    private void removed(String action, long accountId, List<Long> roomIds) {
        String code = (action.equals("kick") ? LiveError.KICKED : LiveError.BANNED).code();
        for (Connection c : connections.of(accountId)) {
            for (Long roomId : roomIds) {
                if (c.rooms().contains(roomId)) {
                    entry.leave(c, roomId);
                    c.send(Frames.error(code, "A moderator removed you from this room.", null, roomId));
                }
            }
        }
    }

    /**
     * A deleted room: everyone in it leaves it at once, and its hub is dropped. Its kind hears {@code deleted}
     * instead of a {@code left} for each.
     */
    private void deleted(long roomId) {
        RoomHub hub = hubs.remove(roomId);
        if (hub == null) {
            return;
        }
        hub.lock.lock();
        try {
            for (Connection c : hub.connections()) {
                c.rooms().remove(roomId);
                hub.leave(c);
                c.send(Frames.error(LiveError.ROOM_DELETED.code(), "This room was deleted.", null, roomId));
            }
        } finally {
            hub.lock.unlock();
        }
    }
}
