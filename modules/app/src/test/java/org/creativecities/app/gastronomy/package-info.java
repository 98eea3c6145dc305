/**
 * End-to-end tests of the bundled gastronomy plugin on the packaged server: tasting rooms driven by real WebSocket
 * clients ({@link org.creativecities.app.gastronomy.TastingIT}), recipes as a work kind
 * ({@link org.creativecities.app.gastronomy.RecipeWorkKindIT}), and a tasting round across a server restart
 * ({@link org.creativecities.app.gastronomy.GastronomyRestart}, run by {@code restart.AcrossRestartIT}).
 */
package org.creativecities.app.gastronomy;
