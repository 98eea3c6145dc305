package org.creativecities.plugins.gastronomy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rescales a recipe (the content of a {@code gastronomy:recipe} work) to another number of servings: every
 * ingredient's quantity is multiplied by {@code servings / recipe servings} and rounded for a kitchen: whole
 * units from 100 up, one decimal from 10, two below; countable units ({@code piece}, {@code clove}, {@code slice},
 * {@code bunch}, {@code pinch}) to the nearest half, never below a half. Everything else is kept as it is.
 */
public final class RecipeScaling {

    /** The most servings a recipe may be scaled to (the schema's own limit). */
    public static final int MAX_SERVINGS = 1000;

    private static final java.util.Set<String> COUNTED = java.util.Set.of("piece", "clove", "slice", "bunch", "pinch");

    private RecipeScaling() {
    }

    /**
     * The recipe for {@code servings}.
     *
     * @throws IllegalArgumentException naming what is wrong: servings outside 1..{@value #MAX_SERVINGS}, a recipe
     *                                  without whole positive {@code servings}, an ingredient without a positive
     *                                  number {@code quantity}
     */
    public static JsonObject scale(JsonObject recipe, int servings) {
        if (servings < 1 || servings > MAX_SERVINGS) {
            throw new IllegalArgumentException("servings: a whole number from 1 to " + MAX_SERVINGS);
        }
        if (!(recipe.get("servings") instanceof JsonNumber base) || !base.isIntegral() || base.intValue() < 1) {
            throw new IllegalArgumentException("recipe.servings: a whole number from 1");
        }
        JsonValue list = recipe.getOrDefault("ingredients", JsonValue.EMPTY_JSON_ARRAY);
        if (list.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException("recipe.ingredients: a list");
        }
        BigDecimal factor = BigDecimal.valueOf(servings).divide(BigDecimal.valueOf(base.intValue()), 10,
                RoundingMode.HALF_UP);
        JsonArrayBuilder scaled = Json.createArrayBuilder();
        int i = 0;
        for (JsonValue v : list.asJsonArray()) {
            if (!(v instanceof JsonObject ingredient) || !(ingredient.get("quantity") instanceof JsonNumber q)
                    || q.bigDecimalValue().signum() <= 0) {
                throw new IllegalArgumentException("recipe.ingredients[" + i + "].quantity: a number above 0");
            }
            BigDecimal quantity = round(q.bigDecimalValue().multiply(factor), ingredient.getString("unit", ""));
            scaled.add(Json.createObjectBuilder(ingredient).add("quantity", quantity));
            i++;
        }
        return Json.createObjectBuilder(recipe).add("servings", servings).add("ingredients", scaled).build();
    }

    /** A quantity rounded as a cook would read it. */
    static BigDecimal round(BigDecimal quantity, String unit) {
        if (COUNTED.contains(unit)) {
            BigDecimal halves = quantity.multiply(BigDecimal.valueOf(2)).setScale(0, RoundingMode.HALF_UP)
                    .max(BigDecimal.ONE);
            return halves.divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY).stripTrailingZeros();
        }
        int scale = quantity.compareTo(BigDecimal.valueOf(100)) >= 0 ? 0
                : quantity.compareTo(BigDecimal.TEN) >= 0 ? 1 : 2;
        BigDecimal rounded = quantity.setScale(scale, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            rounded = BigDecimal.valueOf(1, 2);
        }
        return rounded.stripTrailingZeros().scale() < 0 ? rounded.setScale(0) : rounded.stripTrailingZeros();
    }
}
