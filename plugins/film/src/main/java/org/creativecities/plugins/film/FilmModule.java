package org.creativecities.plugins.film;

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
 * The film plugin's module: screenings per city over REST, the {@code watch-party} room kind, and their browser
 * UI (API 1.2): the watch-party player above the room's chat ({@code ui/watch-party.js}) and the city's film
 * page ({@code ui/page.js}), with their own English and French catalogues in {@code ui/i18n/}.
 *
 * <p>Lifecycle as {@link CommonsModule}: {@link #start} builds the routes and the room kind over the context's
 * services; {@link #stop} drops them. No own threads, no static state.
 */
@Extension
public class FilmModule implements CommonsModule {

    /** Setting: how far (ms) a client's player may drift from the party before it is told to resync. */
    public static final String MAX_DRIFT_MS = "max-drift-ms";

    /** Setting: whether members (not only coordinators) may suggest films for their city. */
    public static final String MEMBERS_MAY_SUGGEST = "members-may-suggest";

    private volatile HttpHandler http;
    private volatile WatchParty watchParty;

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("Film")
                .description("Screenings for each city's film community, and watch parties where everyone's "
                        + "player follows the host's.")
                .fields("film")
                .roomKind(WatchParty.ID, "Watch party", "Watch a screening together, in step with the host.",
                        "ui/watch-party.js", "ccc-film-watch-party")
                .page("ui/page.js", "ccc-film-page")
                .permissions(Permission.STORAGE, Permission.MEMBERS_READ, Permission.HTTP_ROUTES)
                .setting(SettingDefinition.integer(MAX_DRIFT_MS, 2000,
                        "How far, in milliseconds, a player may drift from the host's before it is told to resync.")
                        .withRange(100, 60_000))
                .setting(SettingDefinition.bool(MEMBERS_MAY_SUGGEST, false,
                        "Whether members, not only coordinators, may suggest films for their city."))
                .build();
    }

    @Override
    public void start(ModuleContext ctx) {
        Screenings screenings = new Screenings(ctx.storage());
        this.watchParty = new WatchParty(ctx.storage(), screenings,
                city -> city.map(c -> ctx.settings().forCity(c)).orElse(ctx.settings()));
        WatchParty kind = this.watchParty;
        this.http = new FilmRoutes(screenings, ctx::members, c -> ctx.settings().forCity(c), ctx.clock(),
                kind::rooms).handler();
        ctx.logger().info("film plugin started");
    }

    @Override
    public void stop() {
        http = null;
        watchParty = null;
    }

    @Override
    public Optional<HttpHandler> http() {
        return Optional.ofNullable(http);
    }

    @Override
    public List<RoomKind> roomKinds() {
        WatchParty kind = watchParty;
        return kind == null ? List.of() : List.of(kind);
    }
}
