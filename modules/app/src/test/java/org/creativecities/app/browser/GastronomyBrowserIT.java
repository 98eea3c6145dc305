package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gastronomy plugin's UI modules in real browsers: the host lines up and reveals dishes in a tasting room, a
 * member (in French) rates one with the score buttons while the host's live histogram counts the ballot without a
 * name, the host's close and a 2 s round timer both show the results; a recipe is written in its element (with a
 * step photo uploaded through the media API) and its servings control rescales the quantities through the plugin's
 * route. Screenshots for docs/plugins/gastronomy.md.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class GastronomyBrowserIT {

    private static final String CITY = "battambang";
    private static final String TASTING = "[data-testid=tasting]";

    private static String bar(String dish, String criterion, int score, int count) {
        return "[data-dish=" + dish + "] [data-testid=histogram][data-criterion=" + criterion + "] li[data-score='"
                + score + "'][data-count='" + count + "']";
    }

    @Test
    void theHostRevealsDishesAMemberRatesThemAndTheResultsAppearLive(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser host = TestUser.register(api, "Sokha Host");
        TestUser member = TestUser.register(api, "Dara Taster");
        Rooms.members(admin, CITY, host, member);
        admin.put("/api/cities/" + CITY + "/members/" + host.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        long space = admin.get("/api/spaces?city=" + CITY).expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("slug").equals("city-" + CITY)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        long room = host.post("/api/spaces/" + space + "/rooms", Api.json("name", "Tasting night", "kind", "tasting"))
                .expect(201).object().getJsonNumber("id").longValue();

        try (Browser h = Browser.open(server); Browser m = Browser.open(server, "fr-FR")) {
            h.useToken(host.token()).go("/rooms/" + room);
            h.find(TASTING + " [data-testid=host-panel]");
            h.type("[data-testid=dish-name]", "Fish amok");
            h.click("[data-testid=add-dish]");
            h.findWithText("[data-testid=lineup] li", "Fish amok");
            h.type("[data-testid=dish-name]", "Num banh chok");
            h.click("[data-testid=add-dish]");
            h.findWithText("[data-testid=lineup] li", "Num banh chok");

            m.useToken(member.token()).go("/rooms/" + room);
            m.findWithText(TASTING + " [data-testid=hidden]", "2 plats à venir");
            assertFalse(m.find(TASTING).getText().contains("Fish amok"), "hidden dishes stay hidden");
            assertTrue(m.all("[data-testid=host-panel]").isEmpty(), "a member has no host controls");

            h.find("[data-testid=seconds]").clear();
            h.type("[data-testid=seconds]", "0");
            h.click("[data-testid=reveal]");
            m.findWithText("[data-dish=d1] h3", "Fish amok");
            m.click("[data-dish=d1] [data-testid=rate] button[data-criterion=taste][data-score='4']");
            m.click("[data-dish=d1] [data-testid=rate] button[data-criterion=presentation][data-score='5']");
            m.click("[data-dish=d1] [data-testid=rate] button[data-criterion=originality][data-score='3']");
            h.find(bar("d1", "taste", 4, 1));
            h.find(bar("d1", "presentation", 5, 1));
            h.find(bar("d1", "originality", 3, 1));
            m.find("[data-dish=d1] button[data-criterion=taste][data-score='4'][aria-pressed=true]");
            assertFalse(h.find(TASTING).getText().contains(member.name()), "the host does not see who rated");
            h.documentScreenshot("gastronomy-tasting-host", "[data-dish=d1]");
            m.documentScreenshot("gastronomy-tasting-member-fr", "[data-dish=d1]");
            List<String> violations = m.axe();
            assertEquals(List.of(), violations.stream().filter(v -> v.contains("gastro")).toList(),
                    "accessibility of the tasting element: " + violations);

            h.click("[data-testid=close-round]");
            m.findWithText("[data-dish=d1] [data-testid=score]", "4");
            assertTrue(m.all("[data-dish=d1] [data-testid=rate]").isEmpty(), "a closed round takes no more ballots");

            // The second round closes by its 2 s timer: the member's page shows it without anyone clicking.
            h.find("[data-testid=seconds]").clear();
            h.type("[data-testid=seconds]", "2");
            h.click("[data-testid=reveal]");
            m.find("[data-dish=d2][data-status=open] [data-testid=countdown]");
            m.click("[data-dish=d2] [data-testid=rate] button[data-criterion=taste][data-score='5']");
            m.find("[data-dish=d2][data-status=closed] [data-testid=score]");
            m.findWithText("[data-testid=notice]", "Tour clos : le plat 2");
            h.find("[data-dish=d2][data-status=closed]");
            h.documentScreenshot("gastronomy-tasting-results", ".gastro-dishes");
        }
    }

    @Test
    void aRecipeIsWrittenWithAStepPhotoAndItsServingsControlRescalesIt(PackagedServer server, Api api)
            throws IOException {
        TestUser ana = TestUser.register(api, "Ana Chef");
        Path photo = Files.createTempDirectory("ccc-recipe").resolve("amok.png");
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(214, 160, 60));
        g.fillRect(0, 0, 320, 200);
        g.setColor(new Color(60, 120, 40));
        g.fillOval(80, 40, 160, 120);
        g.dispose();
        ImageIO.write(image, "png", photo.toFile());

        try (Browser a = Browser.open(server)) {
            a.useToken(ana.token()).go("/works/new");
            a.click("[data-testid=work-new] input[name=kind][value='gastronomy:recipe']");
            a.type("[data-testid=work-new] input[name=title]", "Fish amok");
            a.click("[data-testid=work-new] input[name=fields][value=gastronomy]");
            a.type("[data-testid=recipe-origin-input]", "battambang");
            addIngredient(a, "white fish", "500", "g");
            addIngredient(a, "coconut milk", "400", "ml");
            addIngredient(a, "eggs", "2", "piece");
            a.type("[data-testid=step-text]", "Steam the curry in banana-leaf cups.");
            a.find("[data-testid=step-photo-file]").sendKeys(photo.toAbsolutePath().toString());
            a.click("[data-testid=add-step]");
            a.find("[data-testid=recipe-steps] img[data-testid=step-photo]");
            a.click("[data-testid=work-new] button[type=submit]");
            a.until("the recipe's page", d -> a.path().matches("/works/\\d+"));

            String element = "[data-testid=work-kind-element] ";
            a.findWithText(element + "[data-testid=recipe-ingredients]", "500 g white fish");
            a.findWithText(element + "[data-testid=recipe-origin]", "battambang");
            a.until("the step's photo loads", d -> (Boolean) a.js("const i = document.querySelector(arguments[0]);"
                    + "return i !== null && i.complete && i.naturalWidth > 0", element + "img[data-testid=step-photo]"));
            a.find(element + "[data-testid=recipe-servings]").clear();
            a.type(element + "[data-testid=recipe-servings]", "6\t");
            a.findWithText(element + "[data-testid=recipe-ingredients]", "750 g white fish");
            a.findWithText(element + "[data-testid=recipe-ingredients]", "600 ml coconut milk");
            a.findWithText(element + "[data-testid=recipe-ingredients]", "3 piece(s) eggs");
            a.findWithText(element + "[data-testid=recipe-scaled]", "written for 4");
            assertEquals(List.of(), a.axe(), "accessibility of a recipe's page");
            a.documentScreenshot("gastronomy-recipe", "[data-testid=work-kind-element]");
        }
    }

    private static void addIngredient(Browser a, String name, String quantity, String unit) {
        a.type("[data-testid=ingredient-name]", name);
        a.type("[data-testid=ingredient-quantity]", quantity);
        new org.openqa.selenium.support.ui.Select(a.find("[data-testid=ingredient-unit]")).selectByValue(unit);
        a.click("[data-testid=add-ingredient]");
        a.findWithText("[data-testid=recipe-ingredients]", name);
    }
}
