package org.creativecities.testplugins.rooms;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.http.HttpRequest;
import org.creativecities.plugin.api.http.HttpResponse;
import org.creativecities.plugin.api.http.Routes;
import org.creativecities.plugin.api.room.RoomKind;
import org.creativecities.plugin.api.room.RoomServiceException;
import org.pf4j.Extension;

/**
 * The test plugin of the room services (API 1.3): the {@code relay} kind ({@link Relay}) and routes that use the
 * kind's room services from outside a kind call:
 * <ul>
 *   <li>{@code POST /rooms/{id}/announce} {@code {"text": …}}: the module says it in the room;</li>
 *   <li>{@code GET /rooms/{id}/visibility}: whether the room is members-only and the caller may read it;</li>
 *   <li>{@code GET /calls?room=…}: the lifecycle callbacks the kind heard for a room, in order.</li>
 * </ul>
 */
@Extension
public class RoomsModule implements CommonsModule {

    private volatile Relay relay;

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("Relay")
                .description("Relays what its room's members ask it to publish.")
                .fields("music")
                .roomKind(Relay.ID, "Relay room", "Publishes system events on request.")
                .permissions(Permission.STORAGE, Permission.HTTP_ROUTES, Permission.ROOMS_WRITE, Permission.ROOMS_CREATE)
                .build();
    }

    @Override
    public void start(ModuleContext ctx) {
        relay = new Relay(ctx.storage());
    }

    @Override
    public void stop() {
        relay = null;
    }

    @Override
    public List<RoomKind> roomKinds() {
        Relay r = relay;
        return r == null ? List.of() : List.of(r);
    }

    @Override
    public Optional<HttpHandler> http() {
        return Optional.of(Routes.builder()
                .post("/rooms/{id}/announce", this::announce)
                .post("/rooms", "Create a relay room as the caller", this::create)
                .get("/rooms", "The relay rooms the caller may read (in the route's city, or all)", this::list)
                .post("/rooms/{id}/archive", this::archive)
                .route("GET", "/rooms/{id}/visibility", "Whether the caller may read a room",
                        "Asks the core whether the room is members-only and whether the caller may read it.",
                        this::visibility)
                .get("/calls", r -> HttpResponse.ok(relay.calls(r.queryParam("room").orElse(""))))
                .build());
    }

    private HttpResponse announce(HttpRequest r) {
        if (r.caller().isEmpty()) {
            return HttpResponse.problem(401, "Sign in", "Sign in to announce.");
        }
        try {
            return HttpResponse.ok(Map.of("seq", relay.rooms().say(r.pathParam("id").orElseThrow(), text(r))));
        } catch (RoomServiceException e) {
            return HttpResponse.problem(422, e.reason().code(), e.getMessage());
        }
    }

    /**
     * Creates a relay room in the route's city ({@code /api/plugins/test-rooms/cities/{city}/rooms}) as the caller
     * ({@code rooms.create}): {@code {"name": …}}.
     */
    private HttpResponse create(HttpRequest r) {
        if (r.caller().isEmpty()) {
            return HttpResponse.problem(401, "Sign in", "Sign in to create a room.");
        }
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(r.bodyText()))) {
            String name = reader.readObject().getString("name");
            String room = relay.rooms().create(r.citySlug().orElse(""), Relay.ID, name,
                    jakarta.json.Json.createObjectBuilder().add("by", "plugin").build(), r.caller().get().accountId());
            return HttpResponse.json(201, Map.of("room", room));
        } catch (RoomServiceException e) {
            return HttpResponse.problem(422, e.reason().code(), e.getMessage());
        }
    }

    /** Archives a relay room as the caller ({@code rooms.create}). */
    private HttpResponse archive(HttpRequest r) {
        if (r.caller().isEmpty()) {
            return HttpResponse.problem(401, "Sign in", "Sign in to archive a room.");
        }
        try {
            relay.rooms().archive(r.pathParam("id").orElseThrow(), r.caller().get().accountId());
            return HttpResponse.noContent();
        } catch (RoomServiceException e) {
            return HttpResponse.problem(422, e.reason().code(), e.getMessage());
        }
    }

    private static String text(HttpRequest r) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(r.bodyText()))) {
            return reader.readObject().getString("text");
        }
    }

    /** The relay rooms the caller may read: {@code [{"id", "name", "membersOnly", "archived"}]}. */
    private HttpResponse list(HttpRequest r) {
        return HttpResponse.ok(relay.rooms().list(Relay.ID, r.citySlug(), r.caller()).stream()
                .map(room -> Map.of("id", room.roomId(), "name", room.name(), "membersOnly", room.membersOnly(),
                        "archived", room.archived()))
                .toList());
    }

    private HttpResponse visibility(HttpRequest r) {
        String room = r.pathParam("id").orElseThrow();
        try {
            return HttpResponse.ok(Map.of("membersOnly", relay.rooms().membersOnly(room),
                    "mayRead", relay.rooms().mayRead(room, r.caller())));
        } catch (RoomServiceException e) {
            return HttpResponse.problem(404, e.reason().code(), e.getMessage());
        }
    }
}
