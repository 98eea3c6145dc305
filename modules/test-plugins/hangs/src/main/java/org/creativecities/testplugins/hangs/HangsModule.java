package org.creativecities.testplugins.hangs;

import jakarta.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.http.HttpResponse;
import org.creativecities.plugin.api.http.Routes;
import org.creativecities.plugin.api.room.ActionResult;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.api.room.RoomContext;
import org.creativecities.plugin.api.room.RoomKind;
import org.creativecities.plugin.api.room.RoomState;
import org.pf4j.Extension;

/**
 * A plugin with a route that never answers (it sleeps until interrupted) and one that does, and a room kind
 * {@code stall} whose action {@code stall} never answers while {@code ping} does.
 */
@Extension
public class HangsModule implements CommonsModule {

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("Hangs").permissions(Permission.HTTP_ROUTES)
                .roomKind(Stall.ID, "Stall", "A room whose 'stall' action never answers.").build();
    }

    @Override
    public void start(ModuleContext context) {
        context.logger().info("hangs started");
    }

    @Override
    public void stop() {
        // nothing to release
    }

    @Override
    public Optional<HttpHandler> http() {
        return Optional.of(Routes.builder()
                .get("/ping", r -> HttpResponse.text(200, "pong"))
                .get("/hang", r -> {
                    Thread.sleep(600_000);
                    return HttpResponse.text(200, "woke up");
                })
                .build());
    }

    @Override
    public List<RoomKind> roomKinds() {
        return List.of(new Stall());
    }

    /** {@code stall} sleeps until interrupted; {@code ping} counts and answers with the count as the state. */
    static final class Stall implements RoomKind {

        static final String ID = "stall";

        private final AtomicLong pings = new AtomicLong();

        @Override
        public String id() {
            return ID;
        }

        @Override
        public Set<String> actionTypes() {
            return Set.of("stall", "ping");
        }

        @Override
        public ActionResult open(RoomContext room, Actor creator) {
            return ActionResult.changed(state());
        }

        @Override
        public ActionResult handle(RoomContext room, Actor actor, RoomAction action) {
            if (action.type().equals("stall")) {
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ActionResult.unchanged();
            }
            pings.incrementAndGet();
            return ActionResult.changed(state());
        }

        @Override
        public RoomState snapshot(RoomContext room, Instant now) {
            return state();
        }

        private RoomState state() {
            return new RoomState(Json.createObjectBuilder().add("pings", pings.get()).build());
        }
    }
}
