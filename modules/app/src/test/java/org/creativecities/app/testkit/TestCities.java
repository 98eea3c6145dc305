package org.creativecities.app.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cities a test class created on a shared server, retired when it ends, so that the seeded catalogue's counts
 * stay what {@code foundation.CatalogueIT} expects.
 */
public final class TestCities {

    private final Map<String, TestUser> created = new LinkedHashMap<>();

    /** Records a city the test created, with the administrator who retires it; returns its slug. */
    public String add(String slug, TestUser admin) {
        created.put(slug, admin);
        return slug;
    }

    /** Retires every recorded city (DELETE /api/cities/{slug}) and forgets them. */
    public void retireAll() {
        created.forEach((slug, admin) -> admin.send("DELETE", "/api/cities/" + slug, null).expect(204));
        created.clear();
    }
}
