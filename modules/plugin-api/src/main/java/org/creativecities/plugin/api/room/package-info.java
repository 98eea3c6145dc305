/**
 * Room kinds (plugin API 1.1): the domain logic of a live room, driven by the core's live-room engine.
 *
 * <p>A plugin declares each kind in {@link org.creativecities.plugin.api.ModuleInfo#roomKinds()} and
 * contributes its behaviour as a {@link org.creativecities.plugin.api.room.RoomKind} from
 * {@link org.creativecities.plugin.api.CommonsModule#roomKinds()}. The engine owns the rooms, the
 * connections, the sequence numbers and the frames; the kind only decides: it turns a
 * {@link org.creativecities.plugin.api.room.RoomAction} from an
 * {@link org.creativecities.plugin.api.room.Actor} into an
 * {@link org.creativecities.plugin.api.room.ActionResult} (a refusal, or a new
 * {@link org.creativecities.plugin.api.room.RoomState} with
 * {@link org.creativecities.plugin.api.room.RoomEvent}s to broadcast and replies for the actor), and describes
 * the room to a late joiner.
 *
 * <p><b>State.</b> A kind keeps its durable state in the plugin's own storage, in the room's scope
 * ({@link org.creativecities.plugin.api.room.RoomContext#storageScope()}); the core does not persist
 * {@link org.creativecities.plugin.api.room.RoomState}, it forwards it. See
 * {@link org.creativecities.plugin.api.room.RoomKind} for why.
 *
 * <p><b>Room services (API 1.3).</b> Through {@link org.creativecities.plugin.api.room.RoomService} a kind publishes
 * system events and the module's messages into its own rooms (sequenced and stored like messages; needs
 * {@link org.creativecities.plugin.api.Permission#ROOMS_WRITE}), sends a frame to one person, and asks whether a
 * room is members-only and whether a caller may read it; it hears of the room's life and of the people in it
 * through the default callbacks of {@link org.creativecities.plugin.api.room.RoomKind}.
 */
package org.creativecities.plugin.api.room;
