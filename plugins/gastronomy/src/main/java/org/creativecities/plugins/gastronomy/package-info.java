/**
 * The gastronomy plugin: tasting sessions (the {@code tasting} room kind, {@link
 * org.creativecities.plugins.gastronomy.TastingRoom}, over the pure state machine {@link
 * org.creativecities.plugins.gastronomy.Tasting}) and recipes (the {@code recipe} work kind, rescaled by {@link
 * org.creativecities.plugins.gastronomy.RecipeScaling}). See docs/plugins/gastronomy.md.
 */
package org.creativecities.plugins.gastronomy;
