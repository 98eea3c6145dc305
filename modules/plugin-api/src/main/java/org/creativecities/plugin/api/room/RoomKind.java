package org.creativecities.plugin.api.room;

import java.time.Instant;
import java.util.Set;

/**
 * The behaviour of a kind of live room (plugin API 1.1): which actions it accepts, how it validates them and
 * the state it keeps. The core's live-room engine owns rooms, connections and frames, and drives the kind
 * without knowing its domain. A plugin returns its kinds from
 * {@link org.creativecities.plugin.api.CommonsModule#roomKinds()}; each {@link #id()} must match one of the
 * {@link org.creativecities.plugin.api.RoomKindDescriptor}s of its
 * {@link org.creativecities.plugin.api.ModuleInfo} (see {@link RoomKinds#check}).
 *
 * <p><b>Lifecycle.</b> The engine obtains the kinds once per start of the plugin, right after
 * {@code start}, and uses them until {@code stop}. For each room of the kind:
 * <ol>
 *   <li>{@link #open} once, when a member creates the room; a {@link ActionResult.Rejected} refuses the
 *       creation (the creator gets the code and reason) and nothing is created;</li>
 *   <li>{@link #snapshot} whenever someone joins (the welcome frame), also after a server restart;</li>
 *   <li>{@link #handle} for each plugin action of a member the engine allowed to act in the room;</li>
 *   <li>{@link #close} once, when the room is archived (a room is deleted only once archived).</li>
 * </ol>
 * Since 1.3.0 a kind may also hear, <em>after the fact</em>, of the room's life ({@link #opened},
 * {@link #archived}, {@link #deleted}) and of the people in it ({@link #joined}, {@link #left}). These callbacks
 * run on the room's queue like every other call about the room (so after the {@code snapshot} of the join they
 * follow), never while the engine holds the room's lock, and nobody waits for them: one that throws or times out counts as a plugin
 * failure and changes nothing else (the join has happened, the room is archived). They are notifications, not
 * decisions; a kind that must refuse uses {@link #open} and {@link #handle}. From any of its calls a kind may
 * publish into the room or send a frame to one person ({@link RoomContext#rooms()}).
 * A restart of the server or of the plugin does not re-open rooms: the kind must resume from its storage.
 *
 * <p><b>Threading.</b> Every call comes from a worker thread of the core's plugin supervisor, with a time
 * limit (2 s by default); a call that throws or times out counts as a plugin failure, and the engine answers
 * the actor with an error frame ({@code plugin-failed}) without blocking the room's ordinary messages or
 * other rooms. The engine serialises the calls <em>per room</em>: two calls about the same room never run
 * concurrently, and they arrive in the order the engine received the frames. Calls about different rooms run
 * concurrently, so shared state of the kind must be thread-safe.
 *
 * <p><b>State.</b> The kind keeps the durable state of a room in the plugin's storage, in the room's scope
 * ({@link RoomContext#storageScope()}, needs {@link org.creativecities.plugin.api.Permission#STORAGE}).
 * We chose this over a state the core persists because the state belongs to the domain (its format evolves
 * with the plugin, its retention with the plugin's data, and an uninstall with purge removes it), because
 * storage already gives compare-and-set and per-room scoping, and because what clients see is often
 * <em>computed</em> from the stored state and the clock (the watch party's position), so the engine could not
 * replay a stored view anyway. {@link RoomState} is only that view: the engine forwards it and never stores it.
 */
public interface RoomKind {

    /** The kind's id, as in its {@link org.creativecities.plugin.api.RoomKindDescriptor}. Constant. */
    String id();

    /**
     * The action types the kind accepts, e.g. {@code play}, {@code pause}. Constant. The engine refuses other
     * types with an error frame ({@code unknown-action}) without calling {@link #handle}.
     */
    Set<String> actionTypes();

    /**
     * Creates the room's state when a room of this kind is created.
     *
     * <p>The room does not exist for anyone else yet (its creation commits after this returns): publishing into it
     * from here is refused ({@link RoomServiceException.Reason#NOT_OWNED}); publish from {@link #opened}.
     *
     * @param room    the new room, with the creation {@link RoomContext#attributes() attributes}
     * @param creator the member creating it
     * @return the initial state, or a refusal (e.g. the referenced screening does not exist)
     */
    ActionResult open(RoomContext room, Actor creator);

    /**
     * Decides on one action of a member present in the room. Persist any change before returning: the engine
     * broadcasts what this returns right after.
     *
     * @return a refusal for the actor, or the new state, the events for everyone and the replies for the actor
     */
    ActionResult handle(RoomContext room, Actor actor, RoomAction action);

    /**
     * What a joiner sees of the room now, e.g. the watch party's current position computed for {@code now}.
     *
     * @param now the server's time of the welcome frame, from the engine's clock
     */
    RoomState snapshot(RoomContext room, Instant now);

    /**
     * Releases what the kind keeps for the room; called when the room is archived, which comes before any deletion.
     */
    default void close(RoomContext room) {
    }

    /**
     * Hands the kind the engine's room services once per start of the plugin, right after the engine obtained the
     * kinds and before any other call; the kind may keep them to publish from outside a call (a timer, an HTTP
     * route) until the plugin stops.
     *
     * @since 1.3.0
     */
    default void attached(RoomService rooms) {
    }

    /**
     * A room of this kind is open: it was created (after {@link #open} accepted it and the creation committed) or
     * restored from the archive.
     *
     * @since 1.3.0
     */
    default void opened(RoomContext room) {
    }

    /**
     * The room was archived (after {@link #close}, once the archiving committed).
     *
     * @since 1.3.0
     */
    default void archived(RoomContext room) {
    }

    /**
     * The room was deleted, with its history, once the deletion committed: the last call about it. Only an archived
     * room is deleted (so {@link #close} and {@link #archived} came before); the people still in it were told the
     * room is gone and removed from it without a {@link #left} each. The room no longer exists: the
     * {@link RoomService} refuses it ({@link RoomServiceException.Reason#NOT_OWNED}). The core leaves the plugin's
     * storage alone: delete what the kind kept in the room's scope ({@link RoomContext#storageScope()}) here, and
     * forget the room wherever the plugin refers to it.
     *
     * @since 1.3.0
     */
    default void deleted(RoomContext room) {
    }

    /**
     * A signed-in person's connection joined the room, after their welcome and replay were queued. Called for
     * every join, resumes and further tabs included, so a kind re-sends here what that person sees of their own
     * (their hand, their ballot) with {@link RoomService#sendTo}. Visitors (not signed in) are not announced.
     *
     * @param person         who joined
     * @param firstConnection true when this is the person's only connection in the room (they arrived); false
     *                        for a further tab or device
     * @since 1.3.0
     */
    default void joined(RoomContext room, Actor person, boolean firstConnection) {
    }

    /**
     * A signed-in person's last connection in the room left it (they left, closed it, lost their access or were
     * removed by a moderator).
     *
     * @since 1.3.0
     */
    default void left(RoomContext room, long accountId) {
    }
}
