package org.creativecities.core.plugin;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.creativecities.plugin.api.hook.CommonsEvent;
import org.creativecities.plugin.api.hook.EventListener;
import org.creativecities.plugin.api.hook.HookResult;
import org.creativecities.plugin.api.hook.JoinHook;
import org.creativecities.plugin.api.hook.MessageHook;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.http.HttpRequest;
import org.creativecities.plugin.api.http.HttpResponse;
import org.creativecities.plugin.api.http.Routes;
import org.creativecities.plugin.api.room.ActionResult;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.api.room.RoomContext;
import org.creativecities.plugin.api.room.RoomKind;
import org.creativecities.plugin.api.room.RoomService;

/**
 * A running plugin's contributions (routes, hooks, event listener, room kinds) as the core calls them: each
 * method runs the plugin's code through the {@link PluginSupervisor} (its worker threads, the plugin's class
 * loader as context loader, the call time limit, failures counted against the plugin, in the given city) and
 * throws {@link PluginCallException} when the call fails. The {@link PluginLauncher} wraps the contributions
 * once when the plugin starts; nothing else in the core holds them.
 *
 * <p>Where the core turns the plugin's answer into its own types, the conversion runs inside the same call
 * ({@code then}), so a plugin object that misbehaves while being read counts as the plugin's failure.
 */
final class SupervisedPlugin {

    private final PluginSupervisor supervisor;
    private final PluginHostConfig config;
    private final String pluginId;
    private final ClassLoader loader;
    private final Optional<HttpHandler> http;
    private final Optional<JoinHook> joinHook;
    private final Optional<MessageHook> messageHook;
    private final Optional<EventListener> events;
    private final Map<String, RoomKind> roomKinds;
    private final RoomService rooms;

    SupervisedPlugin(PluginSupervisor supervisor, PluginHostConfig config, String pluginId, ClassLoader loader,
                     Optional<HttpHandler> http, Optional<JoinHook> joinHook, Optional<MessageHook> messageHook,
                     Optional<EventListener> events, Map<String, RoomKind> roomKinds, RoomService rooms) {
        this.supervisor = supervisor;
        this.config = config;
        this.pluginId = pluginId;
        this.loader = loader;
        this.http = http;
        this.joinHook = joinHook;
        this.messageHook = messageHook;
        this.events = events;
        this.roomKinds = Map.copyOf(roomKinds);
        this.rooms = rooms;
    }

    /** The room services of this start of the plugin (API 1.3), as its kinds got them. */
    RoomService rooms() {
        return rooms;
    }

    boolean servesHttp() {
        return http.isPresent();
    }

    /**
     * The routes its HTTP handler documents: the table of a {@link Routes} (API 1.3), read without calling plugin
     * code (the table belongs to the API's immutable router); empty for any other handler, which is opaque.
     */
    List<Routes.Route> documentedRoutes() {
        return http.filter(Routes.class::isInstance).map(h -> ((Routes) h).routes()).orElse(List.of());
    }

    boolean hasJoinHook() {
        return joinHook.isPresent();
    }

    boolean hasMessageHook() {
        return messageHook.isPresent();
    }

    boolean listens() {
        return events.isPresent();
    }

    /** The ids of the room kinds it provides. */
    Set<String> roomKinds() {
        return roomKinds.keySet();
    }

    /** Answers a REST call; {@code then} reads the plugin's response inside the call. */
    <T> T handle(Optional<String> city, HttpRequest request, Function<HttpResponse, T> then) {
        return supervisor.call(pluginId, city, loader, "http " + request.method() + " " + request.path(),
                config.callTimeout(), () -> then.apply(http.orElseThrow().handle(request)));
    }

    /** The join hook's decision, if it gave one. */
    Optional<HookResult<JoinHook.JoinAttempt>> beforeJoin(JoinHook.JoinAttempt attempt) {
        return Optional.ofNullable(supervisor.call(pluginId, Optional.of(attempt.citySlug()), loader, "join hook",
                config.callTimeout(), () -> joinHook.orElseThrow().beforeJoin(attempt)));
    }

    /** The message hook's decision, if it gave one. */
    Optional<HookResult<MessageHook.MessageDraft>> beforePost(Optional<String> city, MessageHook.MessageDraft draft) {
        return Optional.ofNullable(supervisor.call(pluginId, city, loader, "message hook", config.callTimeout(),
                () -> messageHook.orElseThrow().beforePost(draft)));
    }

    /** Hands an event to the listener without waiting. */
    CompletableFuture<Void> onEvent(Optional<String> city, CommonsEvent event) {
        return supervisor.callAsync(pluginId, city, loader, "event " + event.getClass().getSimpleName(),
                config.callTimeout(), () -> {
                    events.orElseThrow().onEvent(event);
                    return null;
                });
    }

    /** Opens a room of one of its kinds; {@code then} reads the result inside the call. */
    <T> T open(String kind, RoomContext room, Actor creator, Function<ActionResult, T> then) {
        return supervisor.call(pluginId, room.citySlug(), loader, "room " + kind + " open", config.callTimeout(),
                () -> then.apply(roomKinds.get(kind).open(room, creator)));
    }

    /** The room's state now, without waiting. */
    CompletableFuture<JsonObject> snapshot(String kind, RoomContext room) {
        return supervisor.callAsync(pluginId, room.citySlug(), loader, "room " + kind + " snapshot",
                config.callTimeout(), () -> roomKinds.get(kind).snapshot(room, room.clock().instant()).value());
    }

    /**
     * Decides an action without waiting: {@code unknown} if the kind does not take actions of its type,
     * else {@code then} applied to the kind's result, both inside the call.
     */
    <T> CompletableFuture<T> act(String kind, RoomContext room, Actor actor, RoomAction action, Supplier<T> unknown,
                                 Function<ActionResult, T> then) {
        return supervisor.callAsync(pluginId, room.citySlug(), loader, "room " + kind + " action " + action.type(),
                config.callTimeout(), () -> {
                    RoomKind k = roomKinds.get(kind);
                    if (!k.actionTypes().contains(action.type())) {
                        return unknown.get();
                    }
                    return then.apply(k.handle(room, actor, action));
                });
    }

    /** Tells the kind, without waiting, that a person's connection joined a room (API 1.3). */
    CompletableFuture<Void> joined(String kind, RoomContext room, Actor person, boolean firstConnection) {
        return notify(kind, room, "joined", k -> k.joined(room, person, firstConnection));
    }

    /** Tells the kind, without waiting, that a person's last connection left a room (API 1.3). */
    CompletableFuture<Void> left(String kind, RoomContext room, long accountId) {
        return notify(kind, room, "left", k -> k.left(room, accountId));
    }

    /** Tells the kind, without waiting, that a room was created or restored (API 1.3). */
    CompletableFuture<Void> opened(String kind, RoomContext room) {
        return notify(kind, room, "opened", k -> k.opened(room));
    }

    /** Tells the kind, without waiting, that a room was archived (API 1.3). */
    CompletableFuture<Void> archived(String kind, RoomContext room) {
        return notify(kind, room, "archived", k -> k.archived(room));
    }

    /** Tells the kind, without waiting, that a room was deleted (API 1.3). */
    CompletableFuture<Void> deleted(String kind, RoomContext room) {
        return notify(kind, room, "deleted", k -> k.deleted(room));
    }

    /** A lifecycle callback; a failure counts against the plugin and completes the future exceptionally. */
    private CompletableFuture<Void> notify(String kind, RoomContext room, String what, Consumer<RoomKind> callback) {
        return supervisor.callAsync(pluginId, room.citySlug(), loader, "room " + kind + " " + what,
                config.callTimeout(), () -> {
                    callback.accept(roomKinds.get(kind));
                    return null;
                });
    }

    /** Tells the kind a room closed. */
    void close(String kind, RoomContext room) {
        supervisor.call(pluginId, room.citySlug(), loader, "room " + kind + " close", config.callTimeout(), () -> {
            roomKinds.get(kind).close(room);
            return null;
        });
    }
}
