package org.creativecities.plugins.film;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.creativecities.plugin.api.MemberLookup;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.http.HttpRequest;
import org.creativecities.plugin.api.http.HttpResponse;
import org.creativecities.plugin.api.http.RequestCaller;
import org.creativecities.plugin.api.room.RoomEvent;
import org.creativecities.plugin.api.room.RoomService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FilmRoutesTest {

    private static final RequestCaller COORDINATOR = new RequestCaller(10, "Coco", false);
    private static final RequestCaller MEMBER = new RequestCaller(11, "Mo", false);
    private static final RequestCaller STRANGER = new RequestCaller(12, "Sam", false);
    private static final RequestCaller ADMIN = new RequestCaller(1, "Admin", true);

    private final Map<String, String> settings = new HashMap<>();
    /** Room id → the callers (account ids; 0 for a visitor) who may read it, as the engine would answer. */
    private final Map<String, Set<Long>> readers = new HashMap<>();
    private Screenings screenings;
    private HttpHandler http;

    /** The engine's answer to "may this caller read this room", from {@link #readers}. */
    private final RoomService rooms = new RoomService() {
        @Override
        public long publish(String roomId, RoomEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long say(String roomId, String text) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int sendTo(String roomId, long accountId, RoomEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean membersOnly(String roomId) {
            return true;
        }

        @Override
        public boolean mayRead(String roomId, Optional<RequestCaller> caller) {
            return readers.getOrDefault(roomId, Set.of()).contains(caller.map(RequestCaller::accountId).orElse(0L));
        }
    };

    @BeforeEach
    void setUp() {
        TestClock clock = new TestClock(Instant.parse("2026-11-23T20:00:00Z"));
        MemberLookup members = new MemberLookup() {
            @Override
            public boolean isMember(long accountId, String citySlug) {
                return citySlug.equals("bristol") && Set.of(10L, 11L).contains(accountId);
            }

            @Override
            public boolean isCoordinator(long accountId, String citySlug) {
                return citySlug.equals("bristol") && accountId == 10L;
            }

            @Override
            public Optional<String> displayName(long accountId) {
                return Optional.empty();
            }
        };
        screenings = new Screenings(new InMemoryStorage(clock));
        http = new FilmRoutes(screenings, () -> members, city -> new MapSettings(settings), clock,
                () -> Optional.of(rooms)).handler();
    }

    private HttpResponse call(String method, String path, RequestCaller caller, String body) throws Exception {
        return http.handle(new HttpRequest(method, path, Map.of(), Map.of(),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), Optional.of("bristol"),
                Optional.ofNullable(caller), Map.of()));
    }

    private static JsonStructure json(HttpResponse r) {
        return Json.createReader(new StringReader(new String(r.bytes().orElseThrow(), StandardCharsets.UTF_8))).read();
    }

    private static String screening(String title) {
        return Json.createObjectBuilder().add("title", title).add("year", 1962)
                .add("startsAt", "2026-12-01T19:30:00Z").add("runtimeMinutes", 90).build().toString();
    }

    @Test
    void coordinatorsCreateAndEveryoneReads() throws Exception {
        HttpResponse created = call("POST", "/screenings", COORDINATOR, screening("Cléo"));
        assertEquals(201, created.status());
        String id = ((JsonObject) json(created)).getString("id");
        assertEquals("/api/plugins/film/cities/bristol/screenings/" + id, created.headers().get("Location"));

        JsonArray all = (JsonArray) json(call("GET", "/screenings", null, null));
        assertEquals(List.of("Cléo"),
                all.getValuesAs(JsonObject.class).stream().map(o -> o.getString("title")).toList());
        assertEquals("Cléo", ((JsonObject) json(call("GET", "/screenings/" + id, null, null))).getString("title"));
        assertEquals(404, call("GET", "/screenings/s-0000000000000000", null, null).status());
        assertEquals(404, call("GET", "/screenings/../../x", null, null).status());
    }

    @Test
    void aWatchPartyIsShownOnlyToThoseWhoMayReadItsRoom() throws Exception {
        String id = ((JsonObject) json(call("POST", "/screenings", COORDINATOR, screening("Cléo")))).getString("id");
        screenings.update("bristol", id, s -> s.withWatchParty(new Screening.WatchPartyLink("open", "9", 10,
                "2026-11-23T20:00:00Z")));
        readers.put("9", Set.of(COORDINATOR.accountId()));

        JsonObject seenByCoordinator = ((JsonArray) json(call("GET", "/screenings", COORDINATOR, null)))
                .getJsonObject(0);
        assertEquals("9", seenByCoordinator.getJsonObject("watchParty").getString("roomId"));
        assertTrue(((JsonArray) json(call("GET", "/screenings", null, null))).getJsonObject(0).isNull("watchParty"),
                "a visitor's list does not name the room");
        assertTrue(((JsonArray) json(call("GET", "/screenings", STRANGER, null))).getJsonObject(0)
                .isNull("watchParty"));
        assertTrue(((JsonObject) json(call("GET", "/screenings/" + id, null, null))).isNull("watchParty"));
    }

    @Test
    void onlyCoordinatorsAndAdminsManageScreenings() throws Exception {
        assertEquals(401, call("POST", "/screenings", null, screening("Cléo")).status());
        assertEquals(403, call("POST", "/screenings", MEMBER, screening("Cléo")).status());
        assertEquals(201, call("POST", "/screenings", ADMIN, screening("Cléo")).status());
        String id = ((JsonArray) json(call("GET", "/screenings", null, null))).getJsonObject(0).getString("id");
        assertEquals(403, call("DELETE", "/screenings/" + id, STRANGER, null).status());
        assertEquals(204, call("DELETE", "/screenings/" + id, COORDINATOR, null).status());
        assertEquals(404, call("DELETE", "/screenings/" + id, COORDINATOR, null).status());
    }

    @Test
    void invalidScreeningsAre400ProblemsNamingTheFields() throws Exception {
        HttpResponse bad = call("POST", "/screenings", COORDINATOR, "{\"title\":\"\",\"year\":1700}");
        assertEquals(400, bad.status());
        assertEquals("Invalid screening", bad.problemTitle().orElseThrow());
        String detail = new String(bad.bytes().orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(detail.contains("'title' is required.") && detail.contains("'year' must be between"), detail);
        assertEquals(400, call("POST", "/screenings", COORDINATOR, "not json").status());
        assertEquals(400, call("POST", "/screenings", COORDINATOR, "[1]").status());
    }

    @Test
    void suggestionsFollowTheMembersMaySuggestSetting() throws Exception {
        assertEquals(403, call("POST", "/suggestions", MEMBER, screening("Stalker")).status());
        settings.put(FilmModule.MEMBERS_MAY_SUGGEST, "true");
        assertEquals(201, call("POST", "/suggestions", MEMBER, screening("Stalker")).status());
        assertEquals(403, call("POST", "/suggestions", STRANGER, screening("Stalker")).status());
        JsonArray suggestions = (JsonArray) json(call("GET", "/suggestions", null, null));
        assertTrue(suggestions.getJsonObject(0).getBoolean("suggested"));
        assertEquals(0, ((JsonArray) json(call("GET", "/screenings", null, null))).size(),
                "a suggestion is not a scheduled screening");
    }

    @Test
    void aWatchPartyIsRequestedOnceAndTellsTheClientHowToCreateTheRoom() throws Exception {
        String id = ((JsonObject) json(call("POST", "/screenings", COORDINATOR, screening("Cléo")))).getString("id");
        assertEquals(403, call("POST", "/screenings/" + id + "/watch-party", MEMBER, null).status());
        HttpResponse first = call("POST", "/screenings/" + id + "/watch-party", COORDINATOR, null);
        assertEquals(201, first.status());
        JsonObject ticket = (JsonObject) json(first);
        assertEquals("watch-party", ticket.getString("kind"));
        assertEquals(id, ticket.getJsonObject("attributes").getString("screening"));
        assertEquals(5_400_000, ticket.getJsonObject("attributes").getInt("durationMs"));
        assertEquals("requested", ticket.getJsonObject("watchParty").getString("status"));
        assertEquals(200, call("POST", "/screenings/" + id + "/watch-party", ADMIN, null).status());
        assertEquals("requested", ((JsonObject) json(call("GET", "/screenings/" + id, null, null)))
                .getJsonObject("watchParty").getString("status"));
    }

    @Test
    void screeningsExistOnlyInACity() throws Exception {
        HttpResponse r = http.handle(new HttpRequest("GET", "/screenings", Map.of(), Map.of(), null, Optional.empty(),
                Optional.empty(), Map.of()));
        assertEquals(404, r.status());
    }
}
