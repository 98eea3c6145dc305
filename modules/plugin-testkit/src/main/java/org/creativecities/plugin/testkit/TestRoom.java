package org.creativecities.plugin.testkit;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creativecities.plugin.api.room.ActionResult;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.api.room.RoomContext;
import org.creativecities.plugin.api.room.RoomEvent;
import org.creativecities.plugin.api.room.RoomKind;
import org.creativecities.plugin.api.room.RoomState;

/**
 * One room of a plugin's {@link RoomKind}, driven like the live-room engine drives it: {@link #act} refuses an
 * action type the kind does not accept ({@code unknown-action}) without calling it, as the engine does, and
 * otherwise hands the action to {@link RoomKind#handle}; what the kind broadcasts is collected in
 * {@link #broadcasts()} and the last state everyone was sent in {@link #lastState()}. {@link #join} is what a
 * joiner's welcome frame carries ({@link RoomKind#snapshot} at the clock's instant). Not thread-safe: one test
 * thread drives a room, as the engine serialises the calls per room.
 */
public final class TestRoom {

    private final RoomKind kind;
    private final RoomContext context;
    private final InMemoryRooms rooms;
    private final List<RoomEvent> broadcasts = new ArrayList<>();
    private RoomState lastState;
    private boolean closed;

    TestRoom(RoomKind kind, RoomContext context, RoomState opened, InMemoryRooms rooms) {
        this.kind = kind;
        this.context = context;
        this.lastState = opened;
        this.rooms = rooms;
    }

    /** The room as the kind sees it. */
    public RoomContext context() {
        return context;
    }

    /**
     * One action of a member present in the room.
     *
     * @return what the kind decided; an {@link ActionResult.Rejected} is what the actor's error frame carries
     */
    public ActionResult act(Actor actor, RoomAction action) {
        if (closed) {
            throw new IllegalStateException("the room is closed");
        }
        if (!kind.actionTypes().contains(action.type())) {
            return new ActionResult.Rejected("unknown-action",
                    "Rooms of kind '" + kind.id() + "' have no action '" + action.type() + "'.");
        }
        ActionResult result = kind.handle(context, actor, action);
        if (result instanceof ActionResult.Applied applied) {
            applied.state().ifPresent(s -> lastState = s);
            broadcasts.addAll(applied.broadcast());
        }
        return result;
    }

    /** An action, which the test expects the kind to accept; fails with the refusal otherwise. */
    public ActionResult.Applied accept(Actor actor, RoomAction action) {
        ActionResult result = act(actor, action);
        if (result instanceof ActionResult.Rejected r) {
            throw new AssertionError("the kind refused '" + action.type() + "': " + r.code() + " (" + r.reason() + ")");
        }
        return (ActionResult.Applied) result;
    }

    /** An action, which the test expects the kind to refuse; fails if it was accepted. */
    public ActionResult.Rejected refuse(Actor actor, RoomAction action) {
        ActionResult result = act(actor, action);
        if (result instanceof ActionResult.Applied) {
            throw new AssertionError("the kind accepted '" + action.type() + "'");
        }
        return (ActionResult.Rejected) result;
    }

    /** What a joiner sees now (the welcome frame's state). */
    public JsonObject join() {
        return kind.snapshot(context, context.clock().instant()).value();
    }

    /** The state last broadcast to everyone (after opening, or after an action that changed it). */
    public Optional<JsonObject> lastState() {
        return Optional.ofNullable(lastState).map(RoomState::value);
    }

    /** Every event broadcast to the room so far, in order. */
    public List<RoomEvent> broadcasts() {
        return List.copyOf(broadcasts);
    }

    /** Archives the room: the kind's {@link RoomKind#close}; the room services then refuse to publish into it. */
    public void close() {
        closed = true;
        kind.close(context);
        rooms.archived(context.roomId());
    }

    /**
     * Deletes the archived room (API 1.3): the room services forget it ({@code NOT_OWNED}), then the kind hears
     * {@link RoomKind#deleted}, as on the server.
     *
     * @throws IllegalStateException if the room was not archived ({@link #close}) first, as the core requires
     */
    public void delete() {
        if (!closed) {
            throw new IllegalStateException("only an archived room can be deleted: close() it first");
        }
        rooms.deleted(context.roomId());
        kind.deleted(context);
    }
}
