package org.creativecities.plugins.gastronomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Rescaling a recipe to N servings, rounded as a cook reads quantities. */
class RecipeScalingTest {

    static JsonObject soup() {
        return Json.createObjectBuilder().add("servings", 4).add("originCity", "lyon")
                .add("ingredients", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "leek").add("quantity", 3).add("unit", "piece"))
                        .add(Json.createObjectBuilder().add("name", "butter").add("quantity", 30).add("unit", "g"))
                        .add(Json.createObjectBuilder().add("name", "stock").add("quantity", 1.2).add("unit", "l"))
                        .add(Json.createObjectBuilder().add("name", "salt").add("quantity", 1).add("unit", "pinch")))
                .add("steps", Json.createArrayBuilder().add(Json.createObjectBuilder().add("text", "Sweat the leeks.")))
                .build();
    }

    private static BigDecimal quantity(JsonObject recipe, int i) {
        return recipe.getJsonArray("ingredients").getJsonObject(i).getJsonNumber("quantity").bigDecimalValue();
    }

    @Test
    void quantitiesFollowTheServingsAndEverythingElseStays() {
        JsonObject six = RecipeScaling.scale(soup(), 6);
        assertEquals(6, six.getInt("servings"));
        assertEquals(0, new BigDecimal("4.5").compareTo(quantity(six, 0)), "3 leeks for 4 → 4.5 for 6");
        assertEquals(0, new BigDecimal("45").compareTo(quantity(six, 1)));
        assertEquals(0, new BigDecimal("1.8").compareTo(quantity(six, 2)));
        assertEquals(0, new BigDecimal("1.5").compareTo(quantity(six, 3)), "pinches to the nearest half");
        assertEquals("lyon", six.getString("originCity"));
        assertEquals(soup().getJsonArray("steps"), six.getJsonArray("steps"));
        assertEquals("g", six.getJsonArray("ingredients").getJsonObject(1).getString("unit"));
    }

    @Test
    void roundingSuitsTheSizeAndCountedThingsNeverVanish() {
        JsonObject one = RecipeScaling.scale(soup(), 1);
        assertEquals(0, new BigDecimal("1").compareTo(quantity(one, 0)), "0.75 leek → 1 (nearest half)");
        assertEquals(0, new BigDecimal("7.5").compareTo(quantity(one, 1)));
        assertEquals(0, new BigDecimal("0.3").compareTo(quantity(one, 2)));
        assertEquals(0, new BigDecimal("0.5").compareTo(quantity(one, 3)), "never below half a pinch");
        JsonObject many = RecipeScaling.scale(soup(), 1000);
        assertEquals(0, new BigDecimal("7500").compareTo(quantity(many, 1)), "whole grams from 100 up");
        assertEquals(0, new BigDecimal("300").compareTo(quantity(many, 2)));
        assertEquals(0, new BigDecimal("33.3").compareTo(RecipeScaling.round(new BigDecimal("33.333"), "g")));
        assertEquals(0, new BigDecimal("0.01").compareTo(RecipeScaling.round(new BigDecimal("0.0001"), "g")),
                "a trace is still there");
    }

    @Test
    void badInputIsNamed() {
        assertEquals("servings: a whole number from 1 to 1000", assertThrows(IllegalArgumentException.class,
                () -> RecipeScaling.scale(soup(), 0)).getMessage());
        assertEquals("recipe.servings: a whole number from 1", assertThrows(IllegalArgumentException.class,
                () -> RecipeScaling.scale(Json.createObjectBuilder().add("servings", "four").build(), 2))
                .getMessage());
        JsonObject noQuantity = Json.createObjectBuilder(soup()).add("ingredients", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "leek").add("unit", "piece"))).build();
        assertEquals("recipe.ingredients[0].quantity: a number above 0", assertThrows(IllegalArgumentException.class,
                () -> RecipeScaling.scale(noQuantity, 2)).getMessage());
    }
}
