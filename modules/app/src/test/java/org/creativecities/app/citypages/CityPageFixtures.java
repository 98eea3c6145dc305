package org.creativecities.app.citypages;

import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.works.WorksMediaIT;

/** What city page tests need from the other contexts: uploaded images and public works. */
final class CityPageFixtures {

    private CityPageFixtures() {
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
