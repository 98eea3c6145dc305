package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One strict JSON binding for every body (issue 12, "Low"): no coercion between JSON types, no null body, no
 * trailing text, and every refusal a 400 problem that names the field and no Java class.
 */
@ExtendWith(SharedServer.class)
class JsonStrictBindingIT {

    @Test
    void aNullBodyIsRefusedNotAnInternalError(Api api) {
        JsonBodies.refused(TestUser.send(api, TestUser.freshIp(), "POST", "/api/sessions", "null"), "body");
    }

    @Test
    void aBodyOfTheWrongShapeNamesNoJavaClass(Api api) {
        for (String body : new String[] {"[]", "\"x\"", "1", "true"}) {
            JsonBodies.refused(TestUser.send(api, TestUser.freshIp(), "POST", "/api/sessions", body), "body");
        }
    }

    @Test
    void aStringIsNotABooleanAndNothingChanges(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        JsonBodies.refused(admin.put("/api/admin/plugins/film/cities", "{\"networkWide\":\"maybe\"}"), "networkWide");
        JsonBodies.refused(admin.put("/api/admin/plugins/film/cities", "{\"networkWide\":0}"), "networkWide");
    }

    @Test
    void aBooleanIsNotARoomName(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        long space = admin.get("/api/spaces?city=lyon").expect(200).array().getJsonObject(0).getJsonNumber("id")
                .longValue();
        JsonBodies.refused(admin.post("/api/spaces/" + space + "/rooms", "{\"name\": false}"), "name");
        JsonBodies.refused(admin.post("/api/spaces/" + space + "/rooms", "{\"name\": 12}"), "name");
    }

    @Test
    void aNumberMustBeAWholeNumberInRange(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        JsonBodies.refused(admin.post("/api/cities/lyon/designations", "{\"field\":\"film\",\"year\":\"2020\"}"),
                "year");
        JsonBodies.refused(admin.post("/api/cities/lyon/designations", "{\"field\":\"film\",\"year\":2020.5}"),
                "year");
        JsonBodies.refused(admin.post("/api/cities/lyon/designations", "{\"field\":\"film\",\"year\":1e999999}"),
                "year");
    }

    @Test
    void trailingTextAfterTheBodyIsRefused(Api api) {
        JsonBodies.refused(TestUser.send(api, TestUser.freshIp(), "POST", "/api/sessions",
                "{\"email\":\"nobody@example.org\",\"password\":\"whatever-it-is\"} trailing"), "body");
        JsonBodies.refused(TestUser.send(api, TestUser.freshIp(), "POST", "/api/sessions",
                "{\"email\":\"nobody@example.org\",\"password\":\"whatever-it-is\"}{}"), "body");
    }

    @Test
    void anUnknownPropertyIsNamedShortAndNeverAsAJavaName(Api api) {
        Api.Response longKey = TestUser.send(api, TestUser.freshIp(), "POST", "/api/sessions",
                "{\"" + "k".repeat(100_000) + "\":1}");
        JsonBodies.refused(longKey, null);
        assertTrue(longKey.body().length() < 5_000, "the answer does not repeat the whole key: "
                + longKey.body().length() + " characters");
        JsonBodies.refused(TestUser.send(api, TestUser.freshIp(), "POST", "/api/sessions",
                "{\"java.lang.Runtime\":1,\"org.example.Dtos$X\":2}"), null);
    }

    @Test
    void aDuplicatedPropertyIsRefused(Api api) {
        JsonBodies.refused(TestUser.send(api, TestUser.freshIp(), "POST", "/api/sessions",
                "{\"email\":\"a@example.org\",\"email\":\"b@example.org\",\"password\":\"whatever-it-is\"}"), "email");
    }

    @Test
    void deepNestingIsRefusedBeforeItIsBuilt(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        long space = admin.get("/api/spaces?city=lyon").expect(200).array().getJsonObject(0).getJsonNumber("id")
                .longValue();
        String deep = "{\"a\":".repeat(2000) + "1" + "}".repeat(2000);
        JsonBodies.refused(admin.post("/api/spaces/" + space + "/rooms",
                "{\"name\":\"deep\",\"attributes\":" + deep + "}"), null);
        JsonBodies.refused(admin.post("/api/spaces/" + space + "/rooms", "[".repeat(2000) + "]".repeat(2000)), null);
    }

    @Test
    void wrongTypesInListsNameTheElement(PackagedServer server) {
        TestUser someone = TestUser.register(server.api(), "Lister");
        JsonBodies.refused(someone.patch("/api/people/" + someone.id(), "{\"fields\":[\"film\", 3]}"), "fields[1]");
    }

    @Test
    void mutingAnUnknownAccountIs404(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        long space = admin.get("/api/spaces?city=lyon").expect(200).array().getJsonObject(0).getJsonNumber("id")
                .longValue();
        long room = admin.get("/api/spaces/" + space + "/rooms").expect(200).array().getJsonObject(0)
                .getJsonNumber("id").longValue();
        Api.Response r = admin.post("/api/rooms/" + room + "/moderation",
                Api.json("action", "mute", "accountId", 987_654_321L, "minutes", 5));
        assertEquals(Optional.empty(), JsonBodies.unclean(r, 404), r.toString());
    }
}
