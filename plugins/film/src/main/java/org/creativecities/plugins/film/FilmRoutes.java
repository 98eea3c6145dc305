package org.creativecities.plugins.film;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.creativecities.plugin.api.MemberLookup;
import org.creativecities.plugin.api.PluginSettings;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.http.HttpRequest;
import org.creativecities.plugin.api.http.HttpResponse;
import org.creativecities.plugin.api.http.RequestCaller;
import org.creativecities.plugin.api.http.Routes;
import org.creativecities.plugin.api.room.RoomService;
import org.creativecities.plugin.api.room.RoomServiceException;

/**
 * The plugin's REST routes, all city-scoped ({@code /api/plugins/film/cities/{city}/...}; the core answers
 * 404 for a city where the plugin is not enabled):
 * <ul>
 *   <li>{@code GET /screenings}, {@code GET /screenings/{id}}: anyone;</li>
 *   <li>{@code POST /screenings}, {@code DELETE /screenings/{id}}: coordinators of the city and admins;</li>
 *   <li>{@code POST /screenings/{id}/watch-party}: coordinators and admins ask for the screening's watch party
 *       and get what the client needs to create the room (see {@link Screening.WatchPartyLink});</li>
 *   <li>{@code GET /suggestions}: anyone; {@code POST /suggestions}: members of the city, when the city's
 *       {@code members-may-suggest} setting is on (coordinators and admins always).</li>
 * </ul>
 * Every handler is a plain function of the request, thread-safe, and answers expected errors as problems. A
 * screening is shown without its watch party to a caller who may not read the party's room (see
 * {@link Screening#shownTo}): the room may be in a members-only space.
 */
final class FilmRoutes {

    private final Screenings screenings;
    private final Supplier<MemberLookup> members;
    private final Function<String, PluginSettings> settings;
    private final Clock clock;
    private final Supplier<Optional<RoomService>> rooms;

    /**
     * @param rooms the engine's room services, to ask who may read a watch party's room; while there are none, no
     *              party's room is shown
     */
    FilmRoutes(Screenings screenings, Supplier<MemberLookup> members,
               Function<String, PluginSettings> settings, Clock clock, Supplier<Optional<RoomService>> rooms) {
        this.screenings = screenings;
        this.members = members;
        this.settings = settings;
        this.clock = clock;
        this.rooms = rooms;
    }

    HttpHandler handler() {
        return Routes.builder()
                .get("/screenings", r -> inCity(r, this::list))
                .post("/screenings", r -> inCity(r, this::create))
                .get("/screenings/{id}", r -> inCity(r, this::one))
                .delete("/screenings/{id}", r -> inCity(r, this::delete))
                .post("/screenings/{id}/watch-party", r -> inCity(r, this::watchParty))
                .get("/suggestions", r -> inCity(r, this::suggestions))
                .post("/suggestions", r -> inCity(r, this::suggest))
                .build();
    }

    private interface CityHandler {
        HttpResponse handle(HttpRequest request, String city);
    }

    private static HttpResponse inCity(HttpRequest r, CityHandler handler) {
        return r.citySlug().map(city -> handler.handle(r, city)).orElseGet(() -> HttpResponse.problem(404,
                "Not found", "Screenings belong to a city: use /api/plugins/film/cities/{city}" + r.path() + "."));
    }

    private HttpResponse list(HttpRequest r, String city) {
        return json(200, array(shown(r, screenings.list(city, false))));
    }

    private HttpResponse suggestions(HttpRequest r, String city) {
        return json(200, array(shown(r, screenings.list(city, true))));
    }

    private HttpResponse one(HttpRequest r, String city) {
        return screenings.find(city, r.pathParam("id").orElseThrow())
                .filter(s -> !s.suggested())
                .map(s -> json(200, s.shownTo(room -> mayRead(room, r.caller())).toJson()))
                .orElseGet(() -> notFound(r));
    }

    private List<Screening> shown(HttpRequest r, List<Screening> list) {
        return list.stream().map(s -> s.shownTo(room -> mayRead(room, r.caller()))).toList();
    }

    /** Whether the caller may read the room; not when the engine cannot say (no services, a room gone). */
    private boolean mayRead(String roomId, Optional<RequestCaller> caller) {
        return rooms.get().map(services -> {
            try {
                return services.mayRead(roomId, caller);
            } catch (RoomServiceException e) {
                return false;
            }
        }).orElse(false);
    }

    private HttpResponse create(HttpRequest r, String city) {
        Optional<HttpResponse> refused = requireCoordinator(r, city);
        return refused.orElseGet(() -> store(r, city, false));
    }

    private HttpResponse suggest(HttpRequest r, String city) {
        Optional<RequestCaller> caller = r.caller();
        if (caller.isEmpty()) {
            return signIn();
        }
        boolean coordinates = caller.get().admin() || members.get().isCoordinator(caller.get().accountId(), city);
        if (!coordinates) {
            if (!settings.apply(city).getBoolean(FilmModule.MEMBERS_MAY_SUGGEST)) {
                return HttpResponse.problem(403, "Suggestions are closed",
                        "Members of " + city + " may not suggest films; ask a coordinator.");
            }
            if (!members.get().isMember(caller.get().accountId(), city)) {
                return HttpResponse.problem(403, "Members only", "Only members of " + city + " suggest films.");
            }
        }
        return store(r, city, true);
    }

    private HttpResponse store(HttpRequest r, String city, boolean suggested) {
        Optional<JsonObject> body = object(r);
        if (body.isEmpty()) {
            return HttpResponse.problem(400, "Invalid screening", "The body must be a JSON object.");
        }
        ScreeningRules.Outcome outcome = ScreeningRules.check(body.get(), clock.instant());
        if (!outcome.valid()) {
            return HttpResponse.problem(400, "Invalid screening", String.join(" ", outcome.problems()));
        }
        if (screenings.count(city) >= Screenings.MAX_PER_CITY) {
            return HttpResponse.problem(409, "Catalogue full", city + " already has "
                    + Screenings.MAX_PER_CITY + " screenings and suggestions; delete some first.");
        }
        ScreeningRules.Draft d = outcome.draft().orElseThrow();
        Screening created = screenings.create(new Screening(Screenings.newId(), city, d.title(), d.year(),
                d.description(), d.startsAt(), d.videoUrl(), d.runtimeMinutes(), suggested,
                r.caller().orElseThrow().accountId(), Optional.empty()));
        String base = "/api/plugins/film/cities/" + city + (suggested ? "/suggestions" : "/screenings/");
        return json(201, created.toJson()).withHeader("Location", suggested ? base : base + created.id());
    }

    private HttpResponse delete(HttpRequest r, String city) {
        Optional<HttpResponse> refused = requireCoordinator(r, city);
        if (refused.isPresent()) {
            return refused.get();
        }
        return screenings.delete(city, r.pathParam("id").orElseThrow()) ? HttpResponse.noContent() : notFound(r);
    }

    private HttpResponse watchParty(HttpRequest r, String city) {
        Optional<HttpResponse> refused = requireCoordinator(r, city);
        if (refused.isPresent()) {
            return refused.get();
        }
        String id = r.pathParam("id").orElseThrow();
        Optional<Screening> current = screenings.find(city, id).filter(s -> !s.suggested());
        if (current.isEmpty()) {
            return notFound(r);
        }
        long caller = r.caller().orElseThrow().accountId();
        Instant now = clock.instant();
        Screening linked = screenings.update(city, id, s -> s.watchParty()
                        .filter(l -> !l.status().equals("closed"))
                        .map(l -> s)
                        .orElseGet(() -> s.withWatchParty(new Screening.WatchPartyLink("requested", "", caller,
                                now.toString()))))
                .orElseThrow();
        Screening.WatchPartyLink link = linked.watchParty().orElseThrow();
        JsonObject answer = Json.createObjectBuilder()
                .add("screening", linked.id())
                .add("city", city)
                .add("kind", Screening.ROOM_KIND)
                .add("name", "Watch party: " + linked.title())
                .add("attributes", Json.createObjectBuilder().add("screening", linked.id())
                        .add("durationMs", linked.durationMs()))
                .add("videoUrl", linked.videoUrl())
                .add("startsAt", linked.startsAt())
                .add("watchParty", link.toJson())
                .build();
        boolean fresh = current.get().watchParty().filter(l -> !l.status().equals("closed")).isEmpty();
        return json(fresh ? 201 : 200, answer);
    }

    private Optional<HttpResponse> requireCoordinator(HttpRequest r, String city) {
        Optional<RequestCaller> caller = r.caller();
        if (caller.isEmpty()) {
            return Optional.of(signIn());
        }
        if (caller.get().admin() || members.get().isCoordinator(caller.get().accountId(), city)) {
            return Optional.empty();
        }
        return Optional.of(HttpResponse.problem(403, "Coordinators only",
                "Only coordinators of " + city + " and administrators manage its screenings."));
    }

    private static HttpResponse signIn() {
        return HttpResponse.problem(401, "Sign in", "Sign in to manage screenings.");
    }

    private static HttpResponse notFound(HttpRequest r) {
        return HttpResponse.problem(404, "Screening not found", "No screening " + r.pathParam("id").orElse("")
                + " in " + r.citySlug().orElse("") + ".");
    }

    private static Optional<JsonObject> object(HttpRequest r) {
        try (var reader = Json.createReader(new StringReader(r.bodyText()))) {
            JsonStructure s = reader.read();
            return s instanceof JsonObject o ? Optional.of(o) : Optional.empty();
        } catch (JsonException e) {
            return Optional.empty();
        }
    }

    private static JsonArrayBuilder array(List<Screening> list) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        list.forEach(s -> b.add(s.toJson()));
        return b;
    }

    private static HttpResponse json(int status, JsonArrayBuilder array) {
        return json(status, array.build());
    }

    private static HttpResponse json(int status, JsonStructure value) {
        return HttpResponse.bytes(status, "application/json", value.toString().getBytes(StandardCharsets.UTF_8));
    }
}
