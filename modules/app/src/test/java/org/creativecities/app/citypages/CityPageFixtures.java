package org.creativecities.app.citypages;

import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.works.WorksMediaIT;

/** What city page tests need: a city, its members and coordinators, uploaded images and public works. */
public final class CityPageFixtures {

    private CityPageFixtures() {
    }

    /** A new open city (the caller retires it, see TestCities); its slug. */
    public static String city(TestUser admin, String name) {
        return admin.post("/api/cities", Api.json("name", name + " " + System.nanoTime(), "countryCode", "PT",
                "latitude", 41.15, "longitude", -8.61, "joinPolicy", "OPEN")).expect(201).object().getString("slug");
    }

    /** Someone who joined the city; a coordinator if {@code coordinator}. */
    public static TestUser member(Api api, TestUser admin, String city, String name, boolean coordinator) {
        TestUser user = TestUser.register(api, name);
        user.post("/api/cities/" + city + "/members", null).expect(201);
        if (coordinator) {
            admin.put("/api/cities/" + city + "/members/" + user.id() + "/role", Api.json("role", "COORDINATOR"))
                    .expect(200);
        }
        return user;
    }

    /** Uploads a fresh PNG as {@code user} (as works' tests do), with {@code alt} text if given; its media id. */
    static String image(PackagedServer server, TestUser user, String alt) throws Exception {
        String id = WorksMediaIT.uploadImage(server, user);
        if (alt != null) {
            user.patch("/api/media/" + id, Api.json("alt", alt)).expect(200);
        }
        return id;
    }

    /** A text work by {@code author}, published to everyone; its id. */
    static long publicWork(TestUser author, String title) {
        long id = author.post("/api/works", Api.json("title", title, "content", "# " + title)).expect(201).object()
                .getJsonNumber("id").longValue();
        author.post("/api/works/" + id + "/publish", Api.json()).expect(200);
        return id;
    }
}
