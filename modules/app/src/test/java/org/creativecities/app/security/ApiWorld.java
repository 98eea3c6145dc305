package org.creativecities.app.security;

import jakarta.json.JsonObject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.OwnServer;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;

/**
 * A server of the API contract tests' own (they change plugins, cities and roles, which the shared server's other
 * tests rely on), with one person in each role and the things their requests name: two open cities, the first's
 * community space and general room. One per test JVM, for the JUnit and the jqwik tests alike; stopped when the
 * JVM ends.
 */
final class ApiWorld {

    /** Who is asking. */
    enum Role { VISITOR, MEMBER, OTHER_CITY_MEMBER, COORDINATOR, ADMIN, REVOKED }

    private static ApiWorld instance;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /**
     * What requests name: a city, its community space and general room, and a member of it whom requests about
     * "an account" name (removal, roles, admin rights, a profile).
     *
     * @param city   the city's slug
     * @param space  its community space
     * @param room   that space's general room
     * @param target the member
     */
    record Targets(String city, long space, long room, TestUser target) {
    }

    final PackagedServer server;
    final TestUser admin;
    final String otherCity;
    /** The city of the member and the coordinator: the authorization matrix asks about it, and changes nothing. */
    final Targets matrix;
    /** A city of its own for the contract test and the fuzzer, which change and retire what they name. */
    final Targets scratch;
    private final Map<Role, Api> clients = new EnumMap<>(Role.class);
    private final Map<Role, TestUser> users = new EnumMap<>(Role.class);
    final ApiDocument document;

    private ApiWorld(PackagedServer server) {
        this.server = server;
        Api api = server.api();
        admin = TestUser.admin(server);
        String city = createCity("Contract City");
        otherCity = createCity("Other Contract City");
        TestUser member = joined(TestUser.register(api, "Contract Member"), city);
        TestUser other = joined(TestUser.register(api, "Other City Member"), otherCity);
        TestUser coordinator = joined(TestUser.register(api, "Contract Coordinator"), city);
        admin.put("/api/cities/" + city + "/members/" + coordinator.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        matrix = targets(city, joined(TestUser.register(api, "Contract Target"), city));
        String scratchCity = createCity("Scratch City");
        scratch = targets(scratchCity, joined(TestUser.register(api, "Scratch Target"), scratchCity));
        TestUser revoked = TestUser.register(api, "Revoked Session");
        revoked.delete("/api/sessions/current").expect(204);
        users.put(Role.MEMBER, member);
        users.put(Role.OTHER_CITY_MEMBER, other);
        users.put(Role.COORDINATOR, coordinator);
        users.put(Role.ADMIN, admin);
        users.put(Role.REVOKED, revoked);
        users.forEach((role, user) -> clients.put(role, user.api()));
        clients.put(Role.VISITOR, api);
        document = ApiDocument.of(api);
    }

    static synchronized ApiWorld get() {
        if (instance == null) {
            instance = new ApiWorld(OwnServer.PLAIN.get());
        }
        return instance;
    }

    /** A client signed in as the role, coming from its own address. */
    Api client(Role role) {
        return clients.get(role);
    }

    /** The account behind a role; none for visitors. */
    TestUser user(Role role) {
        return users.get(role);
    }

    /** The address a role's requests come from (each has its own rate limits). */
    String ip(Role role) {
        return role == Role.VISITOR ? "198.51.100.250" : users.get(role).ip();
    }

    /** Someone signed in just now, for requests that end their own sessions. */
    Api throwaway() {
        return TestUser.register(server.api(), "Throwaway " + next()).api();
    }

    /** A fresh number, for unique names and emails. */
    static int next() {
        return SEQUENCE.incrementAndGet();
    }

    private Targets targets(String city, TestUser target) {
        long space = admin.get("/api/spaces?city=" + city).expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("slug").equals("city-" + city)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        long room = admin.get("/api/spaces/" + space + "/rooms").expect(200).array().stream()
                .map(v -> v.asJsonObject()).filter(r -> r.getString("name").equals("general")).findFirst()
                .orElseThrow().getJsonNumber("id").longValue();
        return new Targets(city, space, room, target);
    }

    private String createCity(String name) {
        JsonObject created = admin.post("/api/cities", Api.json("name", name + " " + System.nanoTime(),
                "countryCode", "FR", "countryName", "France", "latitude", 45.0, "longitude", 4.0,
                "joinPolicy", "OPEN")).expect(201).object();
        return created.getString("slug");
    }

    private static TestUser joined(TestUser user, String city) {
        user.post("/api/cities/" + city + "/members", null).expect(201);
        return user;
    }
}
