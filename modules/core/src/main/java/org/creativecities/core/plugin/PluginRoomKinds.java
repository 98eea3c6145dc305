package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.creativecities.core.city.City;
import org.creativecities.core.live.PluginRoomAccess;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.space.Room;
import org.creativecities.core.space.RoomDeletion;
import org.creativecities.core.space.RoomKinds;
import org.creativecities.core.space.SpaceService;
import org.creativecities.plugin.api.room.ActionResult;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.api.room.RoomContext;

/**
 * The running plugins' room kinds (API 1.1), for the space and live contexts. Every call into a kind goes
 * through the plugin's {@link SupervisedPlugin}, with the usual call time limit. Calls about one room (actions, the
 * snapshots of joiners and, since API 1.3, the lifecycle callbacks: joined, left, opened, archived) are serialised on
 * a per-room queue, in arrival order; different rooms run concurrently. The kinds themselves are only reachable
 * from the running plugins' {@link PluginRuntime}s, so they disappear when their plugin stops.
 *
 * <p>A room whose plugin is switched off where the room is ({@link PluginRoomAvailability}) stays a plain room: its
 * actions are refused ({@code kind-unavailable}), its joiners get no snapshot, and the kind hears of no join and no
 * reopening there. What lets the kind let go of the room (a person leaving, archive, close, deletion) still reaches
 * it, so its storage and timers never hold on to a room it will not hear of again.
 */
@ApplicationScoped
public class PluginRoomKinds implements RoomKinds {

    /** Created once: {@code Json.createReader} looks the JSON-P provider up with a class-path scan on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(null);

    private static final Logger LOG = Logger.getLogger(PluginRoomKinds.class.getName());

    /** How long a joiner may hold a room's queue between its snapshot and its welcome. */
    private static final Duration JOIN_HOLD = Duration.ofSeconds(10);

    @Inject
    private PluginRegistry registry;

    @Inject
    private PluginRoomAvailability availability;

    @Inject
    private PluginHostConfig config;

    @Inject
    private TimeSource time;

    @Inject
    private PluginRoomAccess live;

    private final RoomQueues queues = new RoomQueues();

    @Override
    public Set<String> kinds() {
        return registry.runningPlugins().stream().flatMap(rt -> rt.code().roomKinds().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean handles(String kind) {
        return provided(kind).isPresent();
    }

    @Override
    public boolean creatable(String kind, Optional<String> citySlug) {
        return provided(kind).map(p -> availability.covers(p.pluginId(), citySlug)).orElse(false);
    }

    @Override
    public List<Offer> offers(Optional<String> citySlug) {
        return registry.runningPlugins().stream().sorted(java.util.Comparator.comparing(PluginRuntime::pluginId))
                .flatMap(rt -> rt.info().roomKinds().stream()
                        .filter(d -> rt.code().roomKinds().contains(d.id()) && creatable(d.id(), citySlug))
                        .map(d -> new Offer(d.id(), d.name(), d.description(), rt.pluginId(),
                                d.ui().map(u -> new Ui(u.url(rt.pluginId()), u.element())).orElse(null))))
                .toList();
    }

    @Override
    public Optional<Ui> ui(String kind, Optional<String> citySlug) {
        if (!creatable(kind, citySlug)) {
            return Optional.empty();
        }
        return provided(kind).flatMap(p -> p.info().roomKinds().stream()
                .filter(d -> d.id().equals(kind)).findFirst()
                .flatMap(d -> d.ui()).map(u -> new Ui(u.url(p.pluginId()), u.element())));
    }

    @Override
    public Optional<Refusal> open(Room room, Participant creator) {
        PluginRuntime p = provided(room.kind()).orElseThrow(() -> new IllegalStateException("no kind " + room.kind()));
        RoomContext ctx = context(room);
        Actor actor = actor(room, creator);
        try {
            Refusal refusal = p.code().open(room.kind(), ctx, actor,
                    result -> result instanceof ActionResult.Rejected r ? new Refusal(r.code(), r.reason()) : null);
            return Optional.ofNullable(refusal);
        } catch (PluginCallException e) {
            return Optional.of(new Refusal("plugin-failed", "The " + p.pluginId()
                    + " plugin failed to open the room; try again later."));
        }
    }

    /**
     * Takes the room's snapshot in its turn on the room's queue and runs {@code then} with it while still
     * holding the queue, so no action of the room is decided (and broadcast) between the snapshot and what
     * {@code then} does (the engine sends the welcome and adds the joiner to the room). {@code then} runs on
     * the calling thread; the plugin call runs on a supervisor worker.
     */
    @Override
    public <T> T withSnapshot(Room room, Function<Optional<JsonObject>, T> then) {
        CompletableFuture<Void> released = new CompletableFuture<>();
        CompletableFuture<Optional<JsonObject>> state = new CompletableFuture<>();
        Optional<PluginRuntime> p = provided(room.kind()).filter(rt -> available(room, rt));
        if (p.isEmpty()) {
            return then.apply(Optional.empty());
        }
        RoomContext ctx = context(room);
        queues.enqueue(room.id(), () -> p.get().code().snapshot(room.kind(), ctx)
                .handle((v, e) -> state.complete(e == null ? Optional.of(v) : Optional.empty()))
                .thenCompose(x -> released.completeOnTimeout(null, JOIN_HOLD.toMillis(), TimeUnit.MILLISECONDS)));
        Optional<JsonObject> value;
        try {
            value = state.get(config.callTimeout().toMillis() + JOIN_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            value = Optional.empty();
        } catch (Exception e) {
            value = Optional.empty();
        }
        try {
            return then.apply(value);
        } finally {
            released.complete(null);
        }
    }

    @Override
    public CompletableFuture<Outcome> act(Room room, Participant actor, JsonObject frame) {
        Optional<RoomAction> parsed = RoomAction.fromFrame(frame);
        if (parsed.isEmpty()) {
            return CompletableFuture.completedFuture(Outcome.refused("bad-frame",
                    "An action frame needs a string 'action' and, optionally, an object 'payload'."));
        }
        Optional<PluginRuntime> provided = provided(room.kind());
        if (provided.isEmpty()) {
            return CompletableFuture.completedFuture(Outcome.refused("unsupported-kind", "Rooms of kind '"
                    + room.kind() + "' take no actions now."));
        }
        PluginRuntime p = provided.get();
        Optional<String> unavailable = availability.unavailable(p.pluginId(), room);
        if (unavailable.isPresent()) {
            return CompletableFuture.completedFuture(Outcome.refused(PluginRoomAvailability.UNAVAILABLE,
                    unavailable.get()));
        }
        RoomAction action = parsed.get();
        RoomContext ctx = context(room);
        Actor who = actor(room, actor);
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        queues.enqueue(room.id(), () -> p.code().act(room.kind(), ctx, who, action,
                () -> Outcome.refused("unknown-action", "Rooms of kind '" + room.kind()
                        + "' do not know the action '" + action.type() + "'."),
                PluginRoomKinds::outcome).handle((v, e) -> outcome.complete(e == null ? v
                        : Outcome.refused("plugin-failed", "The " + p.pluginId()
                                + " plugin could not handle this action; try again."))));
        return outcome;
    }

    @Override
    public void close(Room room) {
        provided(room.kind()).ifPresent(p -> {
            RoomContext ctx = context(room);
            try {
                p.code().close(room.kind(), ctx);
            } catch (PluginCallException e) {
                LOG.log(Level.FINE, "Closing room " + room.id() + " failed (recorded)", e);
            }
        });
    }

    @Override
    public void joined(Room room, Participant person, boolean firstConnection) {
        Actor who = actor(room, person);
        after(room, true, (code, ctx) -> code.joined(room.kind(), ctx, who, firstConnection));
    }

    @Override
    public void left(Room room, long accountId) {
        after(room, false, (code, ctx) -> code.left(room.kind(), ctx, accountId));
    }

    /**
     * A room was created, archived or restored (after the commit): the kind hears {@code opened} or
     * {@code archived}. Runs on the thread that committed; the kind's call runs on the room's queue.
     */
    void roomChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SpaceService.RoomChanged event) {
        if (Room.DISCUSSION.equals(event.kind()) || provided(event.kind()).isEmpty()) {
            return;
        }
        live.find(event.roomId()).ifPresent(room -> after(room, event.open(), (code, ctx) -> event.open()
                ? code.opened(room.kind(), ctx) : code.archived(room.kind(), ctx)));
    }

    /**
     * A room was deleted (after the commit): the kind that provides its kind now hears {@code deleted}, in the room's
     * turn, with the room as it was (it no longer exists).
     */
    void roomDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomDeletion.Deleted event) {
        if (Room.DISCUSSION.equals(event.kind())) {
            return;
        }
        provided(event.kind()).ifPresent(p -> {
            RoomContext ctx = new RoomContext(String.valueOf(event.roomId()), event.citySlug(), event.kind(),
                    event.createdBy().orElse(0L), attributes(event.attributes()), time.clock(), p.code().rooms());
            queues.enqueue(event.roomId(), () -> p.code().deleted(event.kind(), ctx));
        });
    }

    /**
     * A lifecycle callback (API 1.3), in the room's turn after its earlier calls, under the supervisor; nobody waits
     * for it, and a failure is only counted against the plugin.
     *
     * @param onlyWhereOn skip it when the plugin is off where the room is (joins and reopenings)
     */
    private void after(Room room, boolean onlyWhereOn,
                       BiFunction<SupervisedPlugin, RoomContext, CompletableFuture<Void>> callback) {
        provided(room.kind()).filter(p -> !onlyWhereOn || available(room, p)).ifPresent(p -> {
            RoomContext ctx = context(room, p);
            queues.enqueue(room.id(), () -> callback.apply(p.code(), ctx));
        });
    }

    private static Outcome outcome(ActionResult result) {
        if (result instanceof ActionResult.Rejected r) {
            return Outcome.refused(r.code(), r.reason());
        }
        ActionResult.Applied a = (ActionResult.Applied) result;
        return new Outcome(Optional.empty(), a.state().map(s -> s.value()), events(a.broadcast()),
                events(a.replies()));
    }

    private static List<KindEvent> events(List<org.creativecities.plugin.api.room.RoomEvent> events) {
        return events.stream().map(e -> new KindEvent(e.type(), e.payload())).toList();
    }

    private Optional<PluginRuntime> provided(String kind) {
        for (PluginRuntime rt : registry.runningPlugins()) {
            if (rt.code().roomKinds().contains(kind)) {
                return Optional.of(rt);
            }
        }
        return Optional.empty();
    }

    /** Whether the room's plugin is on where the room is now. */
    private boolean available(Room room, PluginRuntime p) {
        return availability.covers(p.pluginId(), city(room));
    }

    private static Optional<String> city(Room room) {
        return room.space().city().map(City::slug);
    }

    private RoomContext context(Room room) {
        return context(room, provided(room.kind()).orElseThrow(() -> new IllegalStateException("no kind "
                + room.kind())));
    }

    private RoomContext context(Room room, PluginRuntime p) {
        return new RoomContext(String.valueOf(room.id()), city(room), room.kind(),
                room.createdBy().orElse(0L), attributes(room.attributes()), time.clock(), p.code().rooms());
    }

    private static JsonObject attributes(Optional<String> attributes) {
        return attributes.map(text -> {
            try (JsonReader reader = READERS.createReader(new StringReader(text))) {
                return reader.readObject();
            }
        }).orElse(JsonValue.EMPTY_JSON_OBJECT);
    }

    private static Actor actor(Room room, Participant p) {
        return new Actor(p.accountId(), p.name(), room.createdBy().map(c -> c == p.accountId()).orElse(false),
                p.coordinator(), p.admin());
    }
}
