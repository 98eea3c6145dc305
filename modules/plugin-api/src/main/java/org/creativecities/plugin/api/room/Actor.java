package org.creativecities.plugin.api.room;

import java.util.Objects;

/**
 * The person behind an action or a join, as the live-room engine established it at the WebSocket handshake
 * and re-checked for this frame. Immutable.
 *
 * @param accountId   the account
 * @param displayName the name shown to others
 * @param creator     the account created the room
 * @param coordinator the account coordinates the room's city (always {@code false} in a network-wide room)
 * @param admin       a network administrator
 */
public record Actor(long accountId, String displayName, boolean creator, boolean coordinator, boolean admin) {

    public Actor {
        Objects.requireNonNull(displayName, "displayName");
    }

    /** Whether the actor may moderate the room: its creator, a coordinator of its city, or an admin. */
    public boolean moderates() {
        return creator || coordinator || admin;
    }
}
