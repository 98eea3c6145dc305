package org.creativecities.plugin.testkit;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.SettingsValidation;
import org.creativecities.plugin.api.UiModule;
import org.creativecities.plugin.api.hook.CommonsEvent;
import org.creativecities.plugin.api.hook.EventListener;
import org.creativecities.plugin.api.hook.HookResult;
import org.creativecities.plugin.api.hook.JoinHook;
import org.creativecities.plugin.api.hook.MessageHook;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.room.ActionResult;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomContext;
import org.creativecities.plugin.api.room.RoomKind;
import org.creativecities.plugin.api.room.RoomKinds;

/**
 * Runs one plugin module as the core would, in memory. {@link #start} does what the core does when a plugin
 * starts: reads {@link CommonsModule#info()}, checks its settings schema, its room kinds and that its UI modules
 * are in the plugin's resources (each a failed start on the server), calls {@link CommonsModule#start} with a
 * {@link TestModuleContext}, then takes its contributions once. The test then calls them:
 * {@link #http}, {@link #openRoom}, {@link #beforeJoin}, {@link #beforePost}, {@link #publish}; and moves time
 * with {@link #advance}. {@link #stop} stops the module and cancels its in-memory timers; {@link #restart}
 * starts a new instance on the same storage and durable timers, as after a server restart.
 *
 * <pre>{@code
 * TestHost host = TestHost.start(new HelloModule());
 * host.context().testSettings().set("greeting", "Bonjour");
 * assertEquals(200, host.http(TestRequest.get("/hello")).status());
 * }</pre>
 */
public final class TestHost {

    private final TestModuleContext context;
    private final CommonsModule module;
    private final ModuleInfo info;
    private final Optional<HttpHandler> http;
    private final List<RoomKind> roomKinds;
    private final Optional<JoinHook> joinHook;
    private final Optional<MessageHook> messageHook;
    private final Optional<EventListener> events;
    private final InMemoryRooms rooms;
    private boolean running;

    private TestHost(CommonsModule module, TestModuleContext context) {
        this(module, context, null);
    }

    private TestHost(CommonsModule module, TestModuleContext context, InMemoryRooms previousRooms) {
        this.module = module;
        this.context = context;
        this.info = module.info();
        List<String> problems = new ArrayList<>(SettingsValidation.checkSchema(info.settings()));
        for (UiModule ui : info.uiModules()) {
            if (module.getClass().getClassLoader().getResource(ui.module()) == null) {
                problems.add("UI module '" + ui.module() + "' is not in the plugin's resources");
            }
        }
        info.uiModule().filter(path -> module.getClass().getClassLoader().getResource(path) == null)
                .ifPresent(path -> problems.add("UI module '" + path + "' is not in the plugin's resources"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the core would refuse to start the plugin: " + problems);
        }
        module.start(context);
        this.running = true;
        this.roomKinds = List.copyOf(module.roomKinds());
        List<String> kindProblems = RoomKinds.check(info, roomKinds);
        if (!kindProblems.isEmpty()) {
            module.stop();
            throw new IllegalStateException("the core would refuse to start the plugin: " + kindProblems);
        }
        Set<String> kindIds = roomKinds.stream().map(RoomKind::id).collect(Collectors.toSet());
        this.rooms = previousRooms == null ? new InMemoryRooms(context.pluginId(), kindIds,
                info.declares(Permission.ROOMS_WRITE), context.testMembers())
                : previousRooms.restarted(kindIds, info.declares(Permission.ROOMS_WRITE));
        roomKinds.forEach(k -> k.attached(rooms));
        this.http = module.http();
        this.joinHook = module.joinHook();
        this.messageHook = module.messageHook();
        this.events = module.events();
    }

    /** Starts a module as plugin {@code test-plugin} 1.0.0 on a fresh in-memory context. */
    public static TestHost start(CommonsModule module) {
        return start(module, "test-plugin", "1.0.0");
    }

    /** Starts a module with its plugin id and version, on a fresh in-memory context. */
    public static TestHost start(CommonsModule module, String pluginId, String pluginVersion) {
        return new TestHost(module, new TestModuleContext(pluginId, pluginVersion, module.info()));
    }

    /** Starts a module on a context the test prepared (settings, cities, stored data). */
    public static TestHost start(CommonsModule module, TestModuleContext context) {
        return new TestHost(module, context);
    }

    /**
     * Stops this module and starts {@code next} (a new instance, as the core creates one per start) on the same
     * storage, settings, clock and durable timers: what the plugin sees after a restart of the server.
     */
    public TestHost restart(CommonsModule next) {
        stop();
        context.virtualTimers().restart();
        return new TestHost(next, context, rooms);
    }

    public TestModuleContext context() {
        return context;
    }

    public ModuleInfo info() {
        return info;
    }

    /** Calls the plugin's routes, as {@code /api/plugins/{id}/...} would. */
    public TestResponse http(TestRequest request) {
        checkRunning();
        if (!info.declares(Permission.HTTP_ROUTES)) {
            throw new IllegalStateException("the plugin did not declare http.routes: the core serves no route");
        }
        HttpHandler handler = http.orElseThrow(() -> new IllegalStateException("the plugin has no routes"));
        try {
            return new TestResponse(handler.handle(request.build()), context.jsonCodec());
        } catch (Exception e) {
            throw new AssertionError("the route threw (a 502 on the server): " + e, e);
        }
    }

    /**
     * The room services the kinds were given (API 1.3): what the plugin published, sent and may list; make a room
     * members-only or put someone in it here.
     */
    public InMemoryRooms rooms() {
        return rooms;
    }

    /** The plugin's room kind with this id. */
    public RoomKind roomKind(String id) {
        return roomKinds.stream().filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the plugin provides no room kind '" + id + "'"));
    }

    /**
     * Creates a room of a kind in a city, as a member creating it; fails if the kind refuses the creation.
     *
     * @param attributes what the creator passes for the kind ({@code JsonObject.EMPTY_JSON_OBJECT} if nothing)
     */
    public TestRoom openRoom(String kindId, String citySlug, Actor creator, JsonObject attributes) {
        checkRunning();
        RoomKind kind = roomKind(kindId);
        RoomContext room = new RoomContext(context.nextRoomId(), Optional.ofNullable(citySlug),
                kindId, creator.accountId(), Objects.requireNonNull(attributes, "attributes"), context.clock(), rooms);
        ActionResult opened = kind.open(room, creator);
        if (opened instanceof ActionResult.Rejected r) {
            throw new AssertionError("the kind refused to open the room: " + r.code() + " (" + r.reason() + ")");
        }
        rooms.opened(room);
        return new TestRoom(kind, room, ((ActionResult.Applied) opened).state().orElse(null), rooms);
    }

    /**
     * The same room in this start of the plugin, as the engine finds it after a restart: not opened again, the
     * kind resumes from its storage.
     */
    public TestRoom resume(TestRoom room) {
        checkRunning();
        RoomContext before = room.context();
        RoomContext previous = new RoomContext(before.roomId(), before.citySlug(), before.kind(), before.creatorId(),
                before.attributes(), before.clock(), rooms);
        RoomKind kind = roomKind(previous.kind());
        return new TestRoom(kind, previous, kind.snapshot(previous, context.clock().instant()), rooms);
    }

    /** What the plugin's join hook decides; allow if it has none. */
    public HookResult<JoinHook.JoinAttempt> beforeJoin(JoinHook.JoinAttempt attempt) {
        checkRunning();
        return info.declares(Permission.HOOKS) ? joinHook.map(h -> h.beforeJoin(attempt)).orElse(HookResult.allow())
                : HookResult.allow();
    }

    /** What the plugin's message hook decides; allow if it has none. */
    public HookResult<MessageHook.MessageDraft> beforePost(MessageHook.MessageDraft draft) {
        checkRunning();
        return info.declares(Permission.HOOKS) ? messageHook.map(h -> h.beforePost(draft)).orElse(HookResult.allow())
                : HookResult.allow();
    }

    /** Delivers an event to the plugin's listener, if it declared {@code events} and has one. */
    public void publish(CommonsEvent event) {
        checkRunning();
        if (info.declares(Permission.EVENTS)) {
            events.ifPresent(l -> l.onEvent(event));
        }
    }

    /** Moves the clock, firing the plugin's due timers; see {@link VirtualTimers#advance}. */
    public int advance(java.time.Duration duration) {
        return context.advance(duration);
    }

    /** Stops the module: {@link CommonsModule#stop}, then its in-memory timers are cancelled. */
    public void stop() {
        if (running) {
            running = false;
            module.stop();
            context.virtualTimers().stop();
        }
    }

    private void checkRunning() {
        if (!running) {
            throw new IllegalStateException("the plugin has stopped");
        }
    }
}
