package org.creativecities.testplugins.rooms;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.creativecities.plugin.api.PluginStorage;
import org.creativecities.plugin.api.room.ActionResult;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.api.room.RoomContext;
import org.creativecities.plugin.api.room.RoomEvent;
import org.creativecities.plugin.api.room.RoomKind;
import org.creativecities.plugin.api.room.RoomService;
import org.creativecities.plugin.api.room.RoomServiceException;
import org.creativecities.plugin.api.room.RoomState;

/**
 * The {@code relay} kind. Actions: {@code publish {event, data}} publishes a system event; {@code say {text}}
 * says it as the module; {@code deal {to, card}} keeps the card as that person's hand (room storage, their person
 * key) and sends it to them alone; {@code burst {n}} publishes n events and answers how many were taken and why the
 * rest were refused; {@code big} publishes an oversized payload; {@code foreign {room}} publishes into another room.
 * A refusal of the room services is answered as the action's reply {@code refused {reason}}.
 *
 * <p>Callbacks: it records each one (see {@link #calls}), {@code deleted} with how the room services answer about
 * the deleted room; {@code opened} publishes {@code relay-opened};
 * {@code joined} re-sends the person's hand, if they have one; a person whose name starts with "Thrower" makes
 * {@code joined} throw.
 */
final class Relay implements RoomKind {

    static final String ID = "relay";

    private final PluginStorage storage;
    private final Map<String, List<String>> calls = new ConcurrentHashMap<>();
    private volatile RoomService rooms;

    Relay(PluginStorage storage) {
        this.storage = storage;
    }

    RoomService rooms() {
        return rooms;
    }

    List<String> calls(String roomId) {
        return List.copyOf(calls.getOrDefault(roomId, List.of()));
    }

    private void record(RoomContext room, String call) {
        calls.computeIfAbsent(room.roomId(), k -> new CopyOnWriteArrayList<>()).add(call);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> actionTypes() {
        return Set.of("publish", "say", "deal", "burst", "big", "foreign");
    }

    @Override
    public void attached(RoomService services) {
        this.rooms = services;
    }

    @Override
    public ActionResult open(RoomContext room, Actor creator) {
        return ActionResult.changed(snapshot(room, room.clock().instant()));
    }

    @Override
    public ActionResult handle(RoomContext room, Actor actor, RoomAction action) {
        JsonObject p = action.payload();
        try {
            return switch (action.type()) {
                case "publish" -> seq(room.publish(new RoomEvent(p.getString("event"), p.getJsonObject("data"))));
                case "say" -> seq(room.rooms().say(room.roomId(), p.getString("text")));
                case "deal" -> deal(room, p.getJsonNumber("to").longValue(), p.getString("card"));
                case "burst" -> burst(room, p.getInt("n"));
                case "big" -> seq(room.publish(new RoomEvent("big", Json.createObjectBuilder()
                        .add("data", "x".repeat(RoomService.MAX_PAYLOAD_CHARS)).build())));
                default -> seq(room.rooms().publish(p.getString("room"), new RoomEvent("foreign", null)));
            };
        } catch (RoomServiceException e) {
            return ActionResult.unchanged().andReply(new RoomEvent("refused", Json.createObjectBuilder()
                    .add("reason", e.reason().code()).add("message", e.getMessage()).build()));
        }
    }

    private static ActionResult seq(long seq) {
        return ActionResult.unchanged().andReply(new RoomEvent("published",
                Json.createObjectBuilder().add("seq", seq).build()));
    }

    private ActionResult deal(RoomContext room, long to, String card) {
        storage.put(room.storageScope(), room.personKey(to), card);
        int reached = room.sendTo(to, hand(card));
        return ActionResult.unchanged().andReply(new RoomEvent("dealt",
                Json.createObjectBuilder().add("reached", reached).build()));
    }

    private static RoomEvent hand(String card) {
        return new RoomEvent("hand", Json.createObjectBuilder().add("card", card).build());
    }

    private ActionResult burst(RoomContext room, int n) {
        int taken = 0;
        String refused = "";
        for (int i = 0; i < n; i++) {
            try {
                room.publish(new RoomEvent("tick", Json.createObjectBuilder().add("i", i).build()));
                taken++;
            } catch (RoomServiceException e) {
                refused = e.reason().code();
            }
        }
        return ActionResult.unchanged().andReply(new RoomEvent("burst",
                Json.createObjectBuilder().add("taken", taken).add("refused", refused).build()));
    }

    @Override
    public RoomState snapshot(RoomContext room, Instant now) {
        return new RoomState(Json.createObjectBuilder().add("relay", true).build());
    }

    @Override
    public void opened(RoomContext room) {
        record(room, "opened");
        room.publish(new RoomEvent("relay-opened", null));
    }

    /** Records the deletion, and how the room services answer about the room now: {@code NOT_OWNED}. */
    @Override
    public void deleted(RoomContext room) {
        String services;
        try {
            room.rooms().membersOnly(room.roomId());
            services = "answered";
        } catch (RoomServiceException e) {
            services = e.reason().name();
        }
        record(room, "deleted " + services);
    }

    @Override
    public void archived(RoomContext room) {
        record(room, "archived");
    }

    @Override
    public void joined(RoomContext room, Actor person, boolean firstConnection) {
        record(room, "joined " + person.accountId() + " " + firstConnection);
        if (person.displayName().startsWith("Thrower")) {
            throw new IllegalStateException("the relay refuses to hear of throwers");
        }
        storage.get(room.storageScope(), room.personKey(person.accountId()))
                .ifPresent(e -> room.sendTo(person.accountId(), hand(e.value())));
    }

    @Override
    public void left(RoomContext room, long accountId) {
        record(room, "left " + accountId);
    }
}
