package ${package};

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.plugin.api.PluginStorage;
import org.creativecities.plugin.api.StorageConflictException;
import org.creativecities.plugin.api.StoredEntry;
import org.creativecities.plugin.api.room.ActionResult;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.api.room.RoomContext;
import org.creativecities.plugin.api.room.RoomKind;
import org.creativecities.plugin.api.room.RoomState;

/**
 * The poll room kind: keeps each room's {@link Poll} in the plugin's storage, in the room's scope, and applies
 * the members' actions ({@code vote} with {@code {"choice":"yes"|"no"}}, {@code close}, {@code reopen}) with
 * compare-and-set, so that a state is never lost, also across a restart of the server.
 */
final class PollRoom implements RoomKind {

    static final String ID = "poll";
    private static final String KEY = "poll";

    private final PluginStorage storage;

    PollRoom(PluginStorage storage) {
        this.storage = storage;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> actionTypes() {
        return Set.of("vote", "close", "reopen");
    }

    @Override
    public ActionResult open(RoomContext room, Actor creator) {
        Poll poll = Poll.fresh();
        storage.put(room.storageScope(), KEY, poll.toJson());
        return changed(poll);
    }

    @Override
    public ActionResult handle(RoomContext room, Actor actor, RoomAction action) {
        StoredEntry entry = storage.get(room.storageScope(), KEY)
                .orElseThrow(() -> new IllegalStateException("room " + room.roomId() + " has no poll"));
        Poll poll = Poll.fromJson(entry.value());
        Poll next;
        try {
            next = switch (action.type()) {
                case "vote" -> poll.vote(actor.accountId(), action.payload().getString("choice", ""));
                case "close" -> poll.close(actor.moderates());
                case "reopen" -> poll.reopen(actor.moderates());
                default -> throw new PollRefused("unknown-action", "Unknown action.");
            };
            storage.compareAndSet(room.storageScope(), KEY, entry.version(), next.toJson(), null);
        } catch (PollRefused refused) {
            return new ActionResult.Rejected(refused.code(), refused.getMessage());
        } catch (StorageConflictException conflict) {
            return new ActionResult.Rejected("try-again", "The poll changed meanwhile; try again.");
        }
        return changed(next);
    }

    @Override
    public RoomState snapshot(RoomContext room, Instant now) {
        return new RoomState(storage.get(room.storageScope(), KEY).map(e -> Poll.fromJson(e.value()))
                .orElse(Poll.fresh()).view());
    }

    private static ActionResult changed(Poll poll) {
        return new ActionResult.Applied(Optional.of(new RoomState(poll.view())), List.of(), List.of());
    }
}
