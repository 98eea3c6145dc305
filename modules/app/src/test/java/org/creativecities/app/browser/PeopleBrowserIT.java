package org.creativecities.app.browser;

import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The expertise directory: pages and filters kept in the address, the browser's back button, field and city. */
@BrowserLane
@ExtendWith(BrowserServer.class)
class PeopleBrowserIT {

    @Test
    void theDirectoryPagesThroughResultsAndFiltersByFieldAndCityWithTheAddressAsState(PackagedServer server,
                                                                                       Api api) {
        TestUser.admin(server).patch("/api/cities/sukhothai", Api.json("joinPolicy", "OPEN")).expect(200);
        String tag = "directory paging " + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        for (int i = 0; i < 22; i++) {
            TestUser p = TestUser.register(api, "Directory Person " + i);
            p.patch("/api/people/" + p.id(), Api.json("expertise", List.of(tag),
                    "fields", List.of(i == 3 ? "gastronomy" : "design"))).expect(200);
            if (i == 3) {
                p.post("/api/cities/sukhothai/members", null).expect(201);
            }
        }
        try (Browser b = Browser.open(server)) {
            b.go("/people?tag=" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8));
            b.findWithText("[data-testid=people-count]", "22 practitioners");
            assertEquals(20, b.all("[data-testid=person-card]").size());
            System.out.println("[first render] /people?tag=…: " + b.firstRenderMillis() + " ms");
            b.findWithText(".pager", "Page 1 of 2");
            b.findWithText(".pager button", "Next").click();
            b.until("page 2 in the address", d -> b.path().contains("page=2"));
            b.findWithText(".pager", "Page 2 of 2");
            assertEquals(2, b.all("[data-testid=person-card]").size());
            b.driver().navigate().back();
            b.findWithText(".pager", "Page 1 of 2");
            assertEquals(20, b.all("[data-testid=person-card]").size());

            // The field filter, from the form.
            new Select(b.find("#people-field")).selectByValue("gastronomy");
            b.click("[data-testid=people-search]");
            b.until("the field in the address", d -> b.path().contains("field=gastronomy"));
            b.findWithText("[data-testid=people-count]", "1 practitioner");
            b.findWithText("[data-testid=person-card]", "Directory Person 3");

            // The city filter keeps the other filters; the city list names every city.
            b.until("the city list", d -> b.all("#people-city option").size() > 300);
            new Select(b.find("#people-field")).selectByValue("");
            new Select(b.find("#people-city")).selectByValue("sukhothai");
            b.click("[data-testid=people-search]");
            b.until("the city in the address", d -> b.path().contains("city=sukhothai") && b.path().contains("tag="));
            b.until("only members of Sukhothai", d -> b.all("[data-testid=person-card]").size() == 1);
            assertTrue(b.find("[data-testid=person-card]").getText().contains("Directory Person 3"));

            // A tag card link searches for that tag.
            b.go("/people/" + b.find("[data-testid=person-card]").getAttribute("data-id"));
            b.findWithText("[data-testid=person-expertise] a", tag).click();
            b.until("the tag search", d -> b.path().startsWith("/people?tag="));
            b.findWithText("[data-testid=people-count]", "22 practitioners");
            assertEquals(List.of(), b.axe(), "axe on /people with a pager");
        }
    }
}
