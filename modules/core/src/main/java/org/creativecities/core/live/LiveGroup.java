package org.creativecities.core.live;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A set of live connections that a {@link LiveExtension} sends to together (for co-editing: the editors of one
 * document). A frame sent to the group is encoded once and the same bytes are queued to every member, as a room's
 * fan-out does; sending never blocks. Thread-safe; the extension orders its own sends (e.g. under a lock of its own).
 */
public final class LiveGroup {

    private final Set<LivePeer> members = ConcurrentHashMap.newKeySet();

    /** Adds a connection; false when it was in already. */
    public boolean add(LivePeer peer) {
        return members.add(peer);
    }

    /** Removes a connection; false when it was not in. */
    public boolean remove(LivePeer peer) {
        return members.remove(peer);
    }

    public boolean contains(LivePeer peer) {
        return members.contains(peer);
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** The members now. */
    public List<LivePeer> members() {
        return List.copyOf(members);
    }

    /** Queues the frame to every member. */
    public void broadcast(String frame) {
        broadcastExcept(null, frame);
    }

    /** Queues the frame to every member but {@code except} (which may be null). */
    public void broadcastExcept(LivePeer except, String frame) {
        OutFrame once = OutFrame.of(frame);
        for (LivePeer member : members) {
            if (member == except) {
                continue;
            }
            if (member instanceof Connection c) {
                c.send(once);
            } else {
                member.send(frame);
            }
        }
    }
}
