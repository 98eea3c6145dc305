package org.creativecities.plugin.api.room;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RoomKind} decided about an action (or about opening a room): either {@link Rejected}, sent
 * to the actor as an error frame and changing nothing, or {@link Applied}. Immutable.
 */
public sealed interface ActionResult permits ActionResult.Applied, ActionResult.Rejected {

    /**
     * The action was accepted.
     *
     * @param state     the room's state after the action, broadcast to everyone in the room as a state frame;
     *                  empty if the action changed nothing clients see (e.g. a position report)
     * @param broadcast events for everyone in the room, in order, after the state
     * @param replies   events for the actor's connection only, e.g. "resync to this position"
     */
    record Applied(Optional<RoomState> state, List<RoomEvent> broadcast, List<RoomEvent> replies)
            implements ActionResult {

        public Applied {
            Objects.requireNonNull(state, "state");
            broadcast = List.copyOf(broadcast);
            replies = List.copyOf(replies);
        }

        /** The same result with one more event for everyone. */
        public Applied andBroadcast(RoomEvent event) {
            return new Applied(state, append(broadcast, event), replies);
        }

        /** The same result with one more event for the actor only. */
        public Applied andReply(RoomEvent event) {
            return new Applied(state, broadcast, append(replies, event));
        }

        private static List<RoomEvent> append(List<RoomEvent> events, RoomEvent event) {
            Objects.requireNonNull(event, "event");
            var more = new java.util.ArrayList<>(events);
            more.add(event);
            return more;
        }
    }

    /**
     * The action was refused; the actor gets an error frame {@code {"type":"error","code":…,"reason":…}}.
     *
     * @param code   machine-readable, lower-case letters, digits and dashes, e.g. {@code not-host}
     * @param reason for people, e.g. "Only the host controls playback."
     */
    record Rejected(String code, String reason) implements ActionResult {

        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
            if (!code.matches("[a-z0-9][a-z0-9-]{0,63}")) {
                throw new IllegalArgumentException("error code '" + code
                        + "' must be lower-case letters, digits and dashes (at most 64)");
            }
        }
    }

    /** Accepted with a new state for everyone. */
    static Applied changed(RoomState state) {
        return new Applied(Optional.of(state), List.of(), List.of());
    }

    /** Accepted without a change anyone sees; add replies with {@link Applied#andReply}. */
    static Applied unchanged() {
        return new Applied(Optional.empty(), List.of(), List.of());
    }

    /** Refused with an error for the actor. */
    static Rejected rejected(String code, String reason) {
        return new Rejected(code, reason);
    }
}
