package org.creativecities.plugins.gastronomy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
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
import org.creativecities.plugin.api.room.RoomServiceException;
import org.creativecities.plugin.api.room.RoomState;
import org.creativecities.plugin.api.timer.DurableTimer;
import org.creativecities.plugin.api.timer.PluginTimers;
import org.creativecities.plugin.api.timer.TimerLimitException;

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
    private static final String RATINGS = "ratings/";
    private static final String TIMER = "round:";

    private final PluginStorage storage;
    private final Supplier<PluginTimers> timers;
    private final Function<Optional<String>, PluginSettings> settings;
    private final Logger log;
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
        this.timers = timers;
        this.settings = settings;
        this.log = log;
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
        return storage.get(StorageScope.room(roomId), RATINGS + dishId).map(StoredEntry::value);
    }

    @Override
    public ActionResult open(RoomContext room, Actor creator) {
        Optional<StoredEntry> existing = storage.get(room.storageScope(), KEY);
        if (existing.isPresent()) {
            return ActionResult.changed(state(room, TastingJson.load(existing.get().value())));
        }
        try {
            Tasting tasting = Tasting.start(creator.accountId(), criteria(room.attributes().get("criteria"),
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
                case "add-dish" -> hostChange(room, entry.get(), before.addDish(text(p, "name"),
                        text(p, "description")));
                case "remove-dish" -> hostChange(room, entry.get(), before.removeDish(text(p, "dish")));
                case "set-criteria" -> hostChange(room, entry.get(), before.withCriteria(criteria(p.get("criteria"),
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
            try {
                timers.get().scheduleDurable(TIMER + room.roomId(), opened.closesAt().get(), Json.createObjectBuilder()
                        .add("room", room.roomId()).add("dish", opened.id())
                        .add("city", room.citySlug().orElse("")).build().toString());
            } catch (TimerLimitException e) {
                throw new TastingRefused("timer-unavailable", "No timer can be set now; reveal the dish without "
                        + "one (seconds 0) and close the round yourself.");
            }
        }
        return hostChange(room, entry, after);
    }

    private ActionResult rate(RoomContext room, StoredEntry entry, Tasting before, Actor actor, JsonObject p,
                              Instant now) {
        String dish = text(p, "dish");
        Tasting after = before.rate(actor.accountId(), actor.displayName(), dish, scores(p.get("scores")), now);
        write(room.storageScope(), entry.version(), after);
        Tasting.Ballot mine = after.dish(dish).orElseThrow().ballots().get(actor.accountId());
        return ActionResult.changed(state(room, after))
                .andReply(new RoomEvent("ballot", TastingJson.ballot(dish, mine)));
    }

    private ActionResult closeRound(RoomContext room, StoredEntry entry, Tasting before) {
        Tasting.Dish open = before.openDish().orElseThrow(() -> new TastingRefused("no-round", "No round is open."));
        Tasting closed = close(room.roomId(), room.citySlug(), before).announced(open.id());
        write(room.storageScope(), entry.version(), closed);
        timers.get().cancelDurable(TIMER + room.roomId());
        announce(room.roomId(), closed, open.id());
        return ActionResult.changed(state(room, closed));
    }

    /** Closes the open round, keeping the named ratings where the city shows them. */
    private Tasting close(String roomId, Optional<String> city, Tasting before) {
        Tasting.Dish open = before.openDish().orElseThrow();
        if (settings.apply(city).getBoolean(GastronomyModule.REVEAL_NAMES) && !open.ballots().isEmpty()) {
            JsonArrayBuilder named = Json.createArrayBuilder();
            open.ballots().values().stream().sorted(java.util.Comparator.comparing(Tasting.Ballot::name))
                    .forEach(b -> named.add(Json.createObjectBuilder().add("name", b.name())
                            .add("scores", TastingJson.scores(b.scores()))));
            storage.put(StorageScope.room(roomId), RATINGS + open.id(), named.build().toString());
        }
        return before.closeRound();
    }

    /**
     * A round's timer came due (durable, so also after a restart): closes the round if that dish's round is still
     * open, and announces a close that was not announced yet. Idempotent.
     */
    void roundTimer(DurableTimer timer) {
        JsonObject p = TastingJson.parse(timer.payload());
        String roomId = p.getString("room");
        String dishId = p.getString("dish");
        Optional<String> city = Optional.of(p.getString("city", "")).filter(c -> !c.isEmpty());
        StorageScope scope = StorageScope.room(roomId);
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<StoredEntry> entry = storage.get(scope, KEY);
            if (entry.isEmpty()) {
                return;
            }
            Tasting tasting = TastingJson.load(entry.get().value());
            Optional<Tasting.Dish> dish = tasting.dish(dishId);
            if (dish.isEmpty() || dish.get().status() == Tasting.Dish.Status.HIDDEN) {
                return;
            }
            try {
                if (dish.get().status() == Tasting.Dish.Status.OPEN) {
                    write(scope, entry.get().version(), close(roomId, city, tasting));
                } else if (!dish.get().announced()) {
                    announce(roomId, tasting, dishId);
                    write(scope, entry.get().version(), tasting.announced(dishId));
                    return;
                } else {
                    return;
                }
            } catch (StorageConflictException e) {
                log.fine(() -> "tasting " + roomId + " changed while its round timer closed it; reading it again");
            }
        }
        throw new IllegalStateException("the tasting of room " + roomId + " kept changing; the timer will retry");
    }

    /** Publishes a closed round's results and says them; a refusal is logged, never fatal to the close. */
    private void announce(String roomId, Tasting tasting, String dishId) {
        RoomService services = rooms;
        if (services == null) {
            throw new IllegalStateException("the room services are not attached yet");
        }
        Tasting.Dish d = tasting.dish(dishId).orElseThrow();
        Results r = d.tally(tasting.criteria());
        JsonObject payload = Json.createObjectBuilder(TastingJson.results(r)).add("dish", d.id())
                .add("number", d.number()).add("name", d.name()).build();
        try {
            services.publish(roomId, new RoomEvent("round-closed", payload));
            services.say(roomId, r.score().map(s -> "Round closed: dish " + d.number() + " (" + d.name()
                    + ") scores " + s + " from " + r.ballots() + (r.ballots() == 1 ? " ballot." : " ballots."))
                    .orElse("Round closed: dish " + d.number() + " (" + d.name() + ") had no ballots."));
        } catch (RoomServiceException e) {
            log.log(Level.WARNING, "could not announce the close of dish " + dishId + " in room " + roomId
                    + ": " + e.reason().code(), e);
        }
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
        timers.get().cancelDurable(TIMER + room.roomId());
    }

    private RoomState state(RoomContext room, Tasting tasting) {
        return new RoomState(TastingJson.view(tasting, (int) roundSeconds(room.citySlug())));
    }

    private long roundSeconds(Optional<String> city) {
        return settings.apply(city).getInteger(GastronomyModule.ROUND_SECONDS);
    }

    private void write(StorageScope scope, long version, Tasting tasting) {
        storage.compareAndSet(scope, KEY, version, TastingJson.store(tasting), null);
    }

    private static String text(JsonObject p, String key) {
        JsonValue v = p.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new TastingRefused("bad-dish", "'" + key + "' must be text.");
    }

    private static List<String> criteria(JsonValue value, List<String> otherwise) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (otherwise == null) {
                throw new TastingRefused("bad-criteria", "'criteria' is a list of 1 to " + Tasting.MAX_CRITERIA
                        + " names.");
            }
            return otherwise;
        }
        if (!(value instanceof jakarta.json.JsonArray a)
                || !a.stream().allMatch(v -> v.getValueType() == JsonValue.ValueType.STRING)) {
            throw new TastingRefused("bad-criteria", "'criteria' is a list of 1 to " + Tasting.MAX_CRITERIA
                    + " names.");
        }
        return a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static Map<String, Integer> scores(JsonValue value) {
        if (!(value instanceof JsonObject o)) {
            throw new TastingRefused("bad-score", "'scores' maps each criterion to a score from 1 to "
                    + Tasting.SCALE + ".");
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            if (!(e.getValue() instanceof JsonNumber n) || !n.isIntegral()
                    || n.bigDecimalValue().abs().compareTo(java.math.BigDecimal.valueOf(1000)) > 0) {
                throw new TastingRefused("bad-score", "Scores are whole numbers from 1 to " + Tasting.SCALE + ".");
            }
            out.put(e.getKey(), n.intValue());
        }
        return out;
    }
}
