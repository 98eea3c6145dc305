package org.creativecities.app.gastronomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Recipes, the gastronomy plugin's work kind, on the packaged server: listed with its element and its names, checked
 * by its schema (a bad recipe is refused with a field error per reason), made by co-authors of two cities under a
 * licence, with a step photo uploaded through the core's media API, and rescaled to other servings by the plugin's
 * route.
 */
@ExtendWith(SharedServer.class)
class RecipeWorkKindIT {

    static final String KIND = "gastronomy:recipe";

    static JsonObject tajarin(String photo) {
        return Api.json("servings", 4, "originCity", "alba",
                "ingredients", List.of(Api.json("name", "flour", "quantity", 400, "unit", "g"),
                        Api.json("name", "egg yolks", "quantity", 12, "unit", "piece"),
                        Api.json("name", "butter", "quantity", 60, "unit", "g")),
                "steps", List.of(Api.json("text", "Work the yolks into the flour."),
                        Api.json("text", "Cut thin ribbons.", "photo", photo)));
    }

    static String uploadPhoto(PackagedServer server, TestUser user) throws Exception {
        BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(230, 190, (int) (System.nanoTime() % 200)));
        g.fillRect(0, 0, 48, 32);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.baseUri()
                        .resolve("/api/media")).header("Authorization", "Bearer " + user.token())
                .header("X-Forwarded-For", user.ip()).header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return Api.parse(r.body()).asJsonObject().getString("id");
    }

    @Test
    void aRecipeIsCheckedByItsSchemaWrittenAcrossCitiesLicensedAndScaled(PackagedServer server, Api api)
            throws Exception {
        JsonObject listed = api.get("/api/works/kinds?lang=fr").expect(200).object().getJsonArray("kinds")
                .getValuesAs(JsonObject.class).stream().filter(k -> k.getString("kind").equals(KIND)).findFirst()
                .orElseThrow(() -> new AssertionError(KIND + " is not listed"));
        assertEquals("Recette", listed.getString("name"));
        assertEquals("ccc-gastronomy-recipe", listed.getString("element"));
        assertTrue(api.get(listed.getString("module")).expect(200).body().contains("ccc-gastronomy-recipe"));

        TestUser admin = TestUser.admin(server);
        TestUser ana = Tastings.member(admin, "alba", "Ana Cook");
        TestUser ben = Tastings.member(admin, "bristol", "Ben Cook");

        Api.Response refused = ana.post("/api/works", Api.json("kind", KIND, "title", "Bad tajarin", "content",
                Api.json("servings", 0, "originCity", "Alba!", "ingredients", List.of(Api.json("name", "flour",
                        "quantity", "a lot", "unit", "handful")), "steps", List.of(Api.json("photo", "x"))))).expect(400);
        assertTrue(refused.header("Content-Type").orElse("").startsWith("application/problem+json"));
        Set<String> fields = refused.object().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).collect(Collectors.toSet());
        assertTrue(fields.containsAll(List.of("content/servings", "content/originCity", "content/ingredients/0/quantity",
                "content/ingredients/0/unit", "content/steps/0")), fields.toString());
        assertFalse(refused.body().contains("Exception"), refused.body());

        String photo = uploadPhoto(server, ana);
        JsonObject work = ana.post("/api/works", Api.json("kind", KIND, "title", "Tajarin of Alba", "content",
                tajarin(photo), "licence", "CC-BY-SA-4.0")).expect(201).object();
        long id = work.getJsonNumber("id").longValue();
        assertEquals(photo, work.getJsonObject("content").getJsonArray("steps").getJsonObject(1).getString("photo"));
        assertEquals("CC-BY-SA-4.0", work.getJsonObject("licence").getString("spdx"));
        ana.post("/api/works/" + id + "/authors", Api.json("accountId", ben.id())).expect(200);
        JsonObject coAuthored = ben.patch("/api/works/" + id, Api.json("content", Api.json("servings", 4,
                "originCity", "alba", "ingredients", tajarin(photo).getJsonArray("ingredients"), "steps",
                tajarin(photo).getJsonArray("steps"), "notes", "In Bristol we add sage butter."),
                "message", "Sage butter")).expect(200).object();
        assertEquals(Set.of("alba", "bristol"), coAuthored.getJsonArray("authors").getValuesAs(JsonObject.class)
                .stream().map(a -> a.getJsonObject("city").getString("slug")).collect(Collectors.toSet()));

        JsonObject scaled = ben.post("/api/plugins/gastronomy/recipes/scale", Api.json("recipe",
                coAuthored.getJsonObject("content"), "servings", 6)).expect(200).object();
        assertEquals(6, scaled.getInt("servings"));
        assertEquals("[600,18,90]", scaled.getJsonArray("ingredients").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getJsonNumber("quantity").toString()).collect(Collectors.joining(",", "[", "]")));
        assertEquals("servings: a whole number from 1 to 1000", ben.post("/api/plugins/gastronomy/recipes/scale",
                Api.json("recipe", coAuthored.getJsonObject("content"), "servings", 0)).expect(400).object()
                .getString("detail"));
    }
}
