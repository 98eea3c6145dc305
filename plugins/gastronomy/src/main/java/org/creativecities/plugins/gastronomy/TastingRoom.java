package org.creativecities.plugins.gastronomy;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.creativecities.plugin.api.PluginSettings;
import org.creativecities.plugin.api.PluginStorage;
import org.creativecities.plugin.api.StorageConflictException;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.StoredEntry;
import org.creativecities.plugin.api.room.ActionResult;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.api.room.RoomContext;
import org.creativecities.plugin.api.room.RoomEvent;
import org.creativecities.plugin.api.room.RoomKind;
import org.creativecities.plugin.api.room.RoomService;
import org.creativecities.plugin.api.room.RoomState;
import org.creativecities.plugin.api.timer.DurableTimer;
import org.creativecities.plugin.api.timer.PluginTimers;

/**
 * The {@code tasting} room kind: the host lines up dishes and reveals them one by one; members rate each revealed
 * dish on the host's criteria while its round is open, anonymously; the round closes when the host says so or when
 * its timer runs out, and its results are announced in the room.
 *
 * <p><b>Actions</b>: the host's ({@link Actor#moderates()}: the room's creator, a coordinator of its city, an
 * admin; others get {@code not-host}) {@code add-dish {name, description}}, {@code remove-dish {dish}},
 * {@code set-criteria {criteria}}, {@code reveal {seconds?}} and {@code close-round}; everyone's
 * {@code rate {dish, scores}} and {@code refresh}. Refusals are the codes of {@link TastingRefused}.
 *
 * <p><b>What reaches whom.</b> The room's state ({@link TastingJson#view}) is the same for everyone and holds only
 * revealed dishes and aggregates; the line-up goes to the host alone (a {@code lineup} reply, and a private frame
 * when they join); a member's own ballot goes to them alone (a {@code ballot} reply, and a private frame when they
 * join while the round is open). Nobody, the host included, receives who rated what while a round is open. When it
 * closes, its results are published as the system event {@code round-closed} and said by the module; the named
 * ratings are kept (key {@code ratings/<dish>}) only where the city's {@code reveal-names} setting is on.
 *
 * <p><b>Persistence.</b> The {@link Tasting} is stored in the room's scope under {@code tasting} with
 * compare-and-set before a result returns. A round's timer is a durable timer {@code round:<room>}, so a restart
 * keeps the deadline; its delivery is idempotent (it closes the round only if that dish's round is still open,
 * and announces a close only once).
 */
public final class TastingRoom implements RoomKind {

    /** This kind's id. */
    public static final String ID = "tasting";

    static final String KEY = "tasting";

    private final PluginStorage storage;
    private final Function<Optional<String>, PluginSettings> settings;
    private final RoundClosing closing;
    private volatile RoomService rooms;

    /**
     * @param storage  the plugin's storage
     * @param timers   the plugin's timers (of the current start)
     * @param settings the settings that apply in a city (network-wide for an empty city)
     * @param log      where failures to announce are logged
     */
    public TastingRoom(PluginStorage storage, Supplier<PluginTimers> timers,
                       Function<Optional<String>, PluginSettings> settings, Logger log) {
        this.storage = storage;
        this.settings = settings;
        this.closing = new RoundClosing(storage, timers, settings, () -> rooms, log);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> actionTypes() {
        return Set.of("add-dish", "remove-dish", "set-criteria", "reveal", "rate", "close-round", "refresh");
    }

    @Override
    public void attached(RoomService services) {
        this.rooms = services;
    }

    /** The engine's room services, once attached (for the routes' visibility questions). */
    Optional<RoomService> rooms() {
        return Optional.ofNullable(rooms);
    }

    /** The stored tasting of a room, if it has one. */
    Optional<Tasting> find(String roomId) {
        return storage.get(StorageScope.room(roomId), KEY).map(e -> TastingJson.load(e.value()));
    }

    /** The named ratings of a closed dish, where they were kept. */
    Optional<String> namedRatings(String roomId, String dishId) {
        return closing.namedRatings(roomId, dishId);
    }

    /** A round's durable timer came due: see {@link RoundClosing#roundTimer}. */
    void roundTimer(DurableTimer timer) {
        closing.roundTimer(timer);
    }

    @Override
    public ActionResult open(RoomContext room, Actor creator) {
        Optional<StoredEntry> existing = storage.get(room.storageScope(), KEY);
        if (existing.isPresent()) {
            return ActionResult.changed(state(room, TastingJson.load(existing.get().value())));
        }
        try {
            Tasting tasting = Tasting.start(creator.accountId(), TastingPayloads.criteria(room.attributes().get("criteria"),
                    Tasting.DEFAULT_CRITERIA));
            storage.compareAndSet(room.storageScope(), KEY, 0, TastingJson.store(tasting), null);
            return ActionResult.changed(state(room, tasting));
        } catch (TastingRefused e) {
            return ActionResult.rejected(e.code(), e.getMessage());
        }
    }

    @Override
    public ActionResult handle(RoomContext room, Actor actor, RoomAction action) {
        Optional<StoredEntry> entry = storage.get(room.storageScope(), KEY);
        if (entry.isEmpty()) {
            return ActionResult.rejected("not-open", "This room has no tasting.");
        }
        Tasting before = TastingJson.load(entry.get().value());
        Instant now = room.clock().instant();
        JsonObject p = action.payload();
        try {
            if (!action.type().equals("rate") && !action.type().equals("refresh") && !actor.moderates()) {
                throw new TastingRefused("not-host", "Only the host runs the tasting.");
            }
            return switch (action.type()) {
                case "refresh" -> ActionResult.unchanged().andReply(new RoomEvent("state",
                        state(room, before).value()));
                case "add-dish" -> hostChange(room, entry.get(), before.addDish(TastingPayloads.text(p, "name"),
                        TastingPayloads.text(p, "description")));
                case "remove-dish" -> hostChange(room, entry.get(), before.removeDish(TastingPayloads.text(p, "dish")));
                case "set-criteria" -> hostChange(room, entry.get(), before.withCriteria(TastingPayloads.criteria(p.get("criteria"),
                        null)));
                case "reveal" -> reveal(room, entry.get(), before, p, now);
                case "rate" -> rate(room, entry.get(), before, actor, p, now);
                case "close-round" -> closeRound(room, entry.get(), before);
                default -> ActionResult.rejected("unknown-action", "A tasting does not know '" + action.type()
                        + "'.");
            };
        } catch (TastingRefused e) {
            return ActionResult.rejected(e.code(), e.getMessage());
        } catch (StorageConflictException e) {
            return ActionResult.rejected("conflict", "The tasting changed meanwhile; try again.");
        }
    }

    private ActionResult hostChange(RoomContext room, StoredEntry entry, Tasting after) {
        write(room.storageScope(), entry.version(), after);
        return ActionResult.changed(state(room, after))
                .andReply(new RoomEvent("lineup", TastingJson.lineup(after)));
    }

    private ActionResult reveal(RoomContext room, StoredEntry entry, Tasting before, JsonObject p, Instant now) {
        long seconds;
        JsonValue given = p.get("seconds");
        if (given == null || given.getValueType() == JsonValue.ValueType.NULL) {
            seconds = roundSeconds(room.citySlug());
        } else if (given instanceof JsonNumber n && n.isIntegral()) {
            seconds = n.longValue();
        } else {
            throw new TastingRefused("bad-timer", "'seconds' is a whole number of seconds (0 for no timer).");
        }
        if (seconds < 0) {
            throw new TastingRefused("bad-timer", "'seconds' is a whole number of seconds (0 for no timer).");
        }
        Tasting after = before.reveal(now, Optional.of(Duration.ofSeconds(seconds)));
        Tasting.Dish opened = after.openDish().orElseThrow();
        if (opened.closesAt().isPresent()) {
            // Scheduled before the write: a timer whose round never opened finds nothing to close.
            closing.schedule(room.roomId(), room.citySlug(), opened);
        }
        return hostChange(room, entry, after);
    }

    private ActionResult rate(RoomContext room, StoredEntry entry, Tasting before, Actor actor, JsonObject p,
                              Instant now) {
        String dish = TastingPayloads.text(p, "dish");
        Tasting after = before.rate(actor.accountId(), actor.displayName(), dish, TastingPayloads.scores(p.get("scores")), now);
        write(room.storageScope(), entry.version(), after);
        Tasting.Ballot mine = after.dish(dish).orElseThrow().ballots().get(actor.accountId());
        return ActionResult.changed(state(room, after))
                .andReply(new RoomEvent("ballot", TastingJson.ballot(dish, mine)));
    }

    private ActionResult closeRound(RoomContext room, StoredEntry entry, Tasting before) {
        Tasting.Dish open = before.openDish().orElseThrow(() -> new TastingRefused("no-round", "No round is open."));
        Tasting closed = closing.close(room.roomId(), room.citySlug(), before).announced(open.id());
        write(room.storageScope(), entry.version(), closed);
        closing.cancelTimer(room.roomId());
        closing.announce(room.roomId(), closed, open.id());
        return ActionResult.changed(state(room, closed));
    }

    @Override
    public RoomState snapshot(RoomContext room, Instant now) {
        return storage.get(room.storageScope(), KEY).map(e -> state(room, TastingJson.load(e.value())))
                .orElseGet(() -> new RoomState(Json.createObjectBuilder().add("open", false).build()));
    }

    /** The host gets the line-up, and a member their own ballot on the open dish: private frames, not replayed. */
    @Override
    public void joined(RoomContext room, Actor person, boolean firstConnection) {
        Optional<Tasting> tasting = find(room.roomId());
        if (tasting.isEmpty()) {
            return;
        }
        if (person.moderates()) {
            room.sendTo(person.accountId(), new RoomEvent("lineup", TastingJson.lineup(tasting.get())));
        }
        tasting.get().openDish().ifPresent(d -> Optional.ofNullable(d.ballots().get(person.accountId()))
                .ifPresent(b -> room.sendTo(person.accountId(), new RoomEvent("ballot",
                        TastingJson.ballot(d.id(), b)))));
    }

    /** Archived: the round's timer goes; the results stay readable through the routes. */
    @Override
    public void close(RoomContext room) {
        closing.cancelTimer(room.roomId());
    }

    private RoomState state(RoomContext room, Tasting tasting) {
        return new RoomState(TastingJson.view(tasting, (int) roundSeconds(room.citySlug())));
    }

    private long roundSeconds(Optional<String> city) {
        return settings.apply(city).getInteger(GastronomyModule.ROUND_SECONDS);
    }

    private void write(StorageScope scope, long version, Tasting tasting) {
        RoundClosing.write(storage, scope, version, tasting);
    }
}
