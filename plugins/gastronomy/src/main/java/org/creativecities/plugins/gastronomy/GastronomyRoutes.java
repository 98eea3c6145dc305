package org.creativecities.plugins.gastronomy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.http.HttpRequest;
import org.creativecities.plugin.api.http.HttpResponse;
import org.creativecities.plugin.api.http.Routes;
import org.creativecities.plugin.api.room.RoomService;
import org.creativecities.plugin.api.room.RoomServiceException;

/**
 * The gastronomy plugin's REST routes (under {@code /api/plugins/gastronomy}):
 * <ul>
 *   <li>{@code GET /tastings/{room}}: a tasting's revealed dishes with their results (the live aggregate of the
 *       open round), and, for closed rounds of a city that shows them, the named ratings; only to a caller who may
 *       read the room (404 otherwise, as for a room that is not a tasting);</li>
 *   <li>{@code POST /recipes/scale} {@code {"recipe": {…}, "servings": n}}: the recipe rescaled to n servings
 *       ({@link RecipeScaling}); 400 naming the field otherwise.</li>
 * </ul>
 */
final class GastronomyRoutes {

    private final TastingRoom tastings;

    GastronomyRoutes(TastingRoom tastings) {
        this.tastings = tastings;
    }

    HttpHandler handler() {
        return Routes.builder()
                .get("/tastings/{room}", this::tasting)
                .post("/recipes/scale", this::scale)
                .build();
    }

    private HttpResponse tasting(HttpRequest request) {
        String room = request.pathParam("room").orElseThrow();
        Optional<RoomService> rooms = tastings.rooms();
        boolean readable;
        try {
            readable = rooms.isPresent() && rooms.get().mayRead(room, request.caller());
        } catch (RoomServiceException e) {
            readable = false;
        }
        Optional<Tasting> tasting = readable ? tastings.find(room) : Optional.empty();
        if (tasting.isEmpty()) {
            return HttpResponse.problem(404, "No such tasting", "There is no tasting in room " + room
                    + " that you may read.");
        }
        Tasting t = tasting.get();
        JsonArrayBuilder dishes = Json.createArrayBuilder();
        for (Tasting.Dish d : t.revealed()) {
            var dish = Json.createObjectBuilder(TastingJson.dish(t, d));
            tastings.namedRatings(room, d.id()).ifPresent(r -> {
                try (var reader = Json.createReader(new java.io.StringReader(r))) {
                    dish.add("ratings", reader.readArray());
                }
            });
            dishes.add(dish);
        }
        return json(200, Json.createObjectBuilder().add("room", room)
                .add("criteria", Json.createArrayBuilder(t.criteria())).add("dishes", dishes).build());
    }

    private HttpResponse scale(HttpRequest request) {
        JsonObject body;
        try (var reader = Json.createReader(new java.io.StringReader(request.bodyText()))) {
            body = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return HttpResponse.problem(400, "Invalid recipe", "The body is a JSON object {\"recipe\", \"servings\"}.");
        }
        if (!(body.get("recipe") instanceof JsonObject recipe)) {
            return HttpResponse.problem(400, "Invalid recipe", "recipe: the recipe's content, an object");
        }
        if (!(body.get("servings") instanceof JsonNumber servings) || !servings.isIntegral()) {
            return HttpResponse.problem(400, "Invalid recipe", "servings: a whole number from 1 to "
                    + RecipeScaling.MAX_SERVINGS);
        }
        try {
            return json(200, RecipeScaling.scale(recipe, servings.bigDecimalValue()
                    .min(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)).max(java.math.BigDecimal.ZERO).intValue()));
        } catch (IllegalArgumentException e) {
            return HttpResponse.problem(400, "Invalid recipe", e.getMessage());
        }
    }

    private static HttpResponse json(int status, JsonObject value) {
        return HttpResponse.bytes(status, "application/json", value.toString().getBytes(StandardCharsets.UTF_8));
    }
}
