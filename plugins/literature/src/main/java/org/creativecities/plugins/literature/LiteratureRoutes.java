package org.creativecities.plugins.literature;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.http.HttpRequest;
import org.creativecities.plugin.api.http.HttpResponse;
import org.creativecities.plugin.api.http.RequestCaller;
import org.creativecities.plugin.api.http.Routes;
import org.creativecities.plugin.api.room.RoomService;
import org.creativecities.plugin.api.room.RoomServiceException;

/**
 * The plugin's REST routes, for what a room's live state does not carry:
 *
 * <ul>
 *   <li>{@code GET /rooms/{room}/chapters/{chapter}/thread}: a chapter's thread, for a signed-in caller who may read
 *       the room and reached the chapter (403 "Chapter not reached" otherwise: the same rule as the live action);</li>
 *   <li>{@code GET /rooms/{room}/story}: a round-robin story's state and text, for whoever may read the room.</li>
 * </ul>
 *
 * A room the caller may not read, or that is not of this plugin's kinds, is answered 404 alike.
 */
final class LiteratureRoutes {

    private final ReadingCircle circles;
    private final RoundRobin stories;
    private final Supplier<Optional<RoomService>> rooms;
    private final Clock clock;

    LiteratureRoutes(ReadingCircle circles, RoundRobin stories, Supplier<Optional<RoomService>> rooms, Clock clock) {
        this.circles = circles;
        this.stories = stories;
        this.rooms = rooms;
        this.clock = clock;
    }

    HttpHandler handler() {
        return Routes.builder()
                .get("/rooms/{room}/chapters/{chapter}/thread", this::thread)
                .get("/rooms/{room}/story", this::story)
                .build();
    }

    private HttpResponse thread(HttpRequest request) {
        Optional<RequestCaller> caller = request.caller();
        if (caller.isEmpty()) {
            return HttpResponse.problem(401, "Sign in", "Sign in to read a chapter's thread.");
        }
        String room = request.pathParam("room").orElseThrow();
        if (!readable(room, caller)) {
            return notFound(room);
        }
        Optional<Circle> circle = circles.circle(StorageScope.room(room));
        if (circle.isEmpty()) {
            return notFound(room);
        }
        int chapter;
        try {
            chapter = Integer.parseInt(request.pathParam("chapter").orElseThrow());
        } catch (NumberFormatException e) {
            return HttpResponse.problem(400, "Bad chapter", "Chapters are numbered from 1.");
        }
        try {
            circle.get().requireReached(caller.get().accountId(), chapter);
        } catch (LiteratureRefused e) {
            return e.code().equals("chapter-not-reached")
                    ? HttpResponse.problem(403, "Chapter not reached", e.getMessage())
                    : HttpResponse.problem(404, "No such chapter", e.getMessage());
        }
        List<Circle.Post> posts = circles.posts(StorageScope.room(room), chapter);
        JsonArrayBuilder out = Json.createArrayBuilder();
        posts.forEach(p -> out.add(Documents.post(p)));
        return json(Json.createObjectBuilder().add("chapter", chapter).add("posts", out).build())
                .withHeader("Cache-Control", "no-store");
    }

    private HttpResponse story(HttpRequest request) {
        String room = request.pathParam("room").orElseThrow();
        if (!readable(room, request.caller())) {
            return notFound(room);
        }
        return stories.current(StorageScope.room(room), clock.instant()).map(s -> json(s.value()))
                .orElseGet(() -> notFound(room));
    }

    private static HttpResponse json(JsonObject value) {
        return HttpResponse.bytes(200, "application/json", value.toString().getBytes(StandardCharsets.UTF_8));
    }

    private boolean readable(String room, Optional<RequestCaller> caller) {
        try {
            return rooms.get().map(r -> r.mayRead(room, caller)).orElse(false);
        } catch (RoomServiceException e) {
            return false;
        }
    }

    private static HttpResponse notFound(String room) {
        return HttpResponse.problem(404, "Room not found", "No reading circle or story in room '" + room + "'.");
    }
}
