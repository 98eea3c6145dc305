package org.creativecities.testplugins.workkinds;

import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.pf4j.Extension;

/**
 * A plugin whose only contribution is a work kind: everything else about recipes (storage, versions, diffs,
 * licences, forks, search, exports) is the core's.
 */
@Extension
public class RecipesModule implements CommonsModule {

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("Recipes test plugin")
                .description("Declares the 'recipe' work kind: ingredients with quantities, and steps.")
                .fields("gastronomy")
                .workKind("recipe", "Recipe", "Ingredients with quantities and units, and steps.",
                        "schemas/recipe.json", "ui/recipe.js", "ccc-test-recipe")
                .build();
    }

    @Override
    public void start(ModuleContext context) {
        // Nothing to prepare: the core does all the work for a work kind.
    }

    @Override
    public void stop() {
        // Nothing to release.
    }
}
