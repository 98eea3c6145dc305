package org.creativecities.plugins.gastronomy;

import java.util.List;
import java.util.Optional;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.SettingDefinition;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.room.RoomKind;
import org.pf4j.Extension;

/**
 * The gastronomy plugin's module: the {@code tasting} room kind ({@link TastingRoom}: dishes revealed one by one,
 * rated live and anonymously, rounds closed by the host or a durable timer), its REST routes
 * ({@link GastronomyRoutes}), and the {@code recipe} work kind (a JSON Schema and the {@code <ccc-gastronomy-recipe>}
 * element; the core stores, versions, licenses and forks recipes). UI: {@code ui/tasting.js} above a tasting room's
 * chat, {@code ui/recipe.js} for recipes, with English and French catalogues in {@code ui/i18n/}.
 *
 * <p>Lifecycle as {@link CommonsModule}: {@link #start} registers the durable round timers' handler and builds the
 * kind and the routes over the context's services; {@link #stop} drops them. No own threads, no static state.
 */
@Extension
public class GastronomyModule implements CommonsModule {

    /** Setting: the default length of a rating round in seconds, 0 for rounds the host closes. */
    public static final String ROUND_SECONDS = "round-seconds";

    /** Setting: whether the named ratings of a closed round are published with its results. */
    public static final String REVEAL_NAMES = "reveal-names";

    private volatile TastingRoom tasting;
    private volatile HttpHandler http;

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("Gastronomy")
                .description("Tasting sessions where members rate dishes live, and recipes written together across "
                        + "cities.")
                .fields("gastronomy")
                .roomKind(TastingRoom.ID, "Tasting session", "The host reveals dishes one by one; members rate "
                        + "each one live.", "ui/tasting.js", "ccc-gastronomy-tasting")
                .workKind("recipe", "Recipe", "Ingredients with quantities and units, scalable to any number of "
                        + "servings, and steps with photos.", "schemas/recipe.json", "ui/recipe.js",
                        "ccc-gastronomy-recipe")
                .permissions(Permission.STORAGE, Permission.ROOMS_WRITE, Permission.HTTP_ROUTES)
                .setting(SettingDefinition.integer(ROUND_SECONDS, 0,
                        "How long a rating round lasts, in seconds, unless the host says otherwise; 0 for rounds "
                                + "the host closes.").withRange(0, 3600).changeableByCityCoordinators())
                .setting(SettingDefinition.bool(REVEAL_NAMES, false,
                        "Whether who gave which scores is published when a round closes.")
                        .changeableByCityCoordinators())
                .build();
    }

    @Override
    public void start(ModuleContext ctx) {
        TastingRoom kind = new TastingRoom(ctx.storage(), ctx::timers,
                city -> city.map(c -> ctx.settings().forCity(c)).orElse(ctx.settings()), ctx.logger());
        ctx.timers().onDurable(kind::roundTimer);
        this.tasting = kind;
        this.http = new GastronomyRoutes(kind).handler();
    }

    @Override
    public void stop() {
        tasting = null;
        http = null;
    }

    @Override
    public Optional<HttpHandler> http() {
        return Optional.ofNullable(http);
    }

    @Override
    public List<RoomKind> roomKinds() {
        TastingRoom kind = tasting;
        return kind == null ? List.of() : List.of(kind);
    }
}
