package org.creativecities.core.space;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Room kinds contributed from outside the core (plugins). The core's {@code discussion} kind is always
 * known; a room of any other kind can be created only while some {@code RoomKinds} bean provides it for the
 * room's city. The plugin host implements this interface; the space and live contexts never depend on the
 * plugin context.
 *
 * <p>Every method that reaches plugin code goes through the plugin supervisor (time limit, failure counting).
 */
public interface RoomKinds {

    /** The kinds with behaviour known right now, for example {@code watch-party} while the film plugin runs. */
    Set<String> kinds();

    /** Whether this bean handles rooms of the kind (its plugin runs and provides the kind). */
    default boolean handles(String kind) {
        return kinds().contains(kind);
    }

    /**
     * Whether a room of the kind may be created in a city's space (its plugin is enabled in the city) or, for
     * an empty city, in a network space (its plugin is network-wide).
     */
    boolean creatable(String kind, Optional<String> citySlug);

    /**
     * The kinds this bean offers in a city's space now (creatable there, see {@link #creatable}), or, for an empty
     * city, in a network space; in a stable order.
     */
    List<Offer> offers(Optional<String> citySlug);

    /**
     * The browser element of the kind's rooms in a city (or, for an empty city, a network space): present only
     * while the kind's plugin runs, is enabled there and declares an element.
     */
    Optional<Ui> ui(String kind, Optional<String> citySlug);

    /**
     * Lets the kind open a newly created (not yet committed) room.
     *
     * @return empty when the room may be created, else the kind's refusal
     */
    Optional<Refusal> open(Room room, Participant creator);

    /**
     * Takes the kind's view of the room now (empty if the kind is not available or failed) in the room's turn,
     * and runs {@code then} with it on the calling thread before any later action of the room is decided, so a
     * joiner's welcome and the state frames that follow it have no gap.
     */
    <T> T withSnapshot(Room room, Function<Optional<JsonObject>, T> then);

    /**
     * One client action frame ({@code action}, {@code payload}) of an authorised participant, decided by the
     * kind. Never throws: plugin failures complete the future with a {@code plugin-failed} refusal.
     */
    CompletableFuture<Outcome> act(Room room, Participant actor, JsonObject frame);

    /** Tells the kind the room was archived. */
    void close(Room room);

    /**
     * Tells the kind, without waiting, that a signed-in person's connection joined the room (after its welcome).
     *
     * @param firstConnection it is the person's only connection in the room
     */
    default void joined(Room room, Participant person, boolean firstConnection) {
    }

    /** Tells the kind, without waiting, that a person's last connection in the room left it. */
    default void left(Room room, long accountId) {
    }

    /**
     * A browser UI module of a plugin: the module's address and the custom element it defines.
     *
     * @param module  e.g. {@code /plugins/film/ui/watch-party.js}
     * @param element e.g. {@code ccc-film-watch-party}
     */
    record Ui(String module, String element) {
    }

    /**
     * A room kind offered for new rooms.
     *
     * @param id          the kind
     * @param name        shown to people
     * @param description one or two sentences
     * @param pluginId    the plugin that provides it
     * @param ui          its browser element, or null
     */
    record Offer(String id, String name, String description, String pluginId, Ui ui) {
    }

    /**
     * Who acts, as the live engine established it.
     *
     * @param accountId   the account
     * @param name        display name
     * @param coordinator coordinates the room's city
     * @param admin       network administrator
     */
    record Participant(long accountId, String name, boolean coordinator, boolean admin) {
    }

    /**
     * A refusal: an error frame to the actor, or a 422 problem when creating a room.
     *
     * @param code   machine-readable code
     * @param reason for people
     */
    record Refusal(String code, String reason) {
    }

    /**
     * An event of the kind for clients.
     *
     * @param type    the event type
     * @param payload details
     */
    record KindEvent(String type, JsonObject payload) {
    }

    /**
     * What an action did: a refusal, or a state for everyone (optional), events for everyone and replies for the
     * actor only.
     */
    record Outcome(Optional<Refusal> refusal, Optional<JsonObject> state, List<KindEvent> broadcast,
                   List<KindEvent> replies) {

        public static Outcome refused(String code, String reason) {
            return new Outcome(Optional.of(new Refusal(code, reason)), Optional.empty(), List.of(), List.of());
        }
    }
}
