package org.creativecities.plugin.testkit;

import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.SettingDefinition;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.hook.HookResult;
import org.creativecities.plugin.api.hook.MessageHook;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.http.HttpResponse;
import org.creativecities.plugin.api.http.Routes;
import org.creativecities.plugin.api.room.ActionResult;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.api.room.RoomContext;
import org.creativecities.plugin.api.room.RoomKind;
import org.creativecities.plugin.api.room.RoomState;

/** A small plugin for the kit's own tests: a route, a setting, a counting room kind, timers and a hook. */
class SampleModule implements CommonsModule {

    record Greeting(String text, long count) {
    }

    private ModuleContext ctx;

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("Sample").permissions(Permission.STORAGE, Permission.HTTP_ROUTES, Permission.HOOKS)
                .setting(SettingDefinition.string("greeting", "Hello", "What the route says").withRange(1, 20))
                .setting(SettingDefinition.integer("max", 3, "Highest count").withRange(1, 10))
                .roomKind("counter", "Counter", "Counts up to max", "ui/page.js", "ccc-sample-page")
                .build();
    }

    @Override
    public void start(ModuleContext context) {
        this.ctx = context;
        context.timers().onDurable(timer -> {
            if (timer.payload().contains("fail")) {
                throw new IllegalStateException("failing on purpose");
            }
            context.storage().put(StorageScope.global(), "durable:" + timer.name(), Integer.toString(timer.attempt()));
        });
        context.timers().scheduleAtFixedRate(Duration.ofMinutes(1), Duration.ofMinutes(1), () -> {
            long ticks = context.storage().get(StorageScope.global(), "ticks")
                    .map(e -> Long.parseLong(e.value())).orElse(0L);
            context.storage().put(StorageScope.global(), "ticks", Long.toString(ticks + 1));
        });
    }

    @Override
    public void stop() {
        ctx = null;
    }

    @Override
    public Optional<HttpHandler> http() {
        return Optional.of(Routes.builder()
                .get("/hello", req -> {
                    String city = req.citySlug().orElse("");
                    var settings = city.isEmpty() ? ctx.settings() : ctx.settings().forCity(city);
                    long count = ctx.storage().get(StorageScope.global(), "ticks")
                            .map(e -> Long.parseLong(e.value())).orElse(0L);
                    return HttpResponse.ok(new Greeting(settings.getString("greeting"), count));
                })
                .post("/later/{name}", req -> {
                    ctx.timers().scheduleDurable(req.pathParam("name").orElseThrow(), Duration.ofHours(1),
                            req.bodyText().isEmpty() ? "{}" : req.bodyText());
                    return HttpResponse.json(202, Map.of("scheduled", true));
                })
                .build());
    }

    @Override
    public Optional<MessageHook> messageHook() {
        return Optional.of(draft -> draft.text().contains("spoiler") ? HookResult.veto("No spoilers.")
                : HookResult.allow());
    }

    @Override
    public List<RoomKind> roomKinds() {
        return List.of(new RoomKind() {
            @Override
            public String id() {
                return "counter";
            }

            @Override
            public Set<String> actionTypes() {
                return Set.of("increment");
            }

            @Override
            public ActionResult open(RoomContext room, Actor creator) {
                ctx.storage().put(room.storageScope(), "count", "0");
                return new ActionResult.Applied(Optional.of(state(0)), List.of(), List.of());
            }

            @Override
            public ActionResult handle(RoomContext room, Actor actor, RoomAction action) {
                var entry = ctx.storage().get(room.storageScope(), "count").orElseThrow();
                long next = Long.parseLong(entry.value()) + 1;
                long max = ctx.settings().forCity(room.citySlug().orElse("-")).getInteger("max");
                if (next > max) {
                    return new ActionResult.Rejected("at-max", "The counter is at its maximum.");
                }
                ctx.storage().compareAndSet(room.storageScope(), "count", entry.version(), Long.toString(next), null);
                return new ActionResult.Applied(Optional.of(state(next)), List.of(
                        new org.creativecities.plugin.api.room.RoomEvent("counted",
                                Json.createObjectBuilder().add("by", actor.accountId()).build())), List.of());
            }

            @Override
            public RoomState snapshot(RoomContext room, java.time.Instant now) {
                return state(Long.parseLong(ctx.storage().get(room.storageScope(), "count").orElseThrow().value()));
            }

            /** A deleted room's count goes with it. */
            @Override
            public void deleted(RoomContext room) {
                ctx.storage().delete(room.storageScope(), "count");
            }

            private RoomState state(long count) {
                return new RoomState(Json.createObjectBuilder().add("count", count).build());
            }
        });
    }
}
