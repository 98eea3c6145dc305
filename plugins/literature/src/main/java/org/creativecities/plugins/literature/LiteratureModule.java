package org.creativecities.plugins.literature;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.SettingDefinition;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.room.RoomKind;
import org.creativecities.plugin.api.timer.DurableTimer;
import org.pf4j.Extension;

/**
 * The literature plugin's module: the {@code reading-circle} and {@code round-robin} room kinds, their REST routes and
 * their UI elements above the room's chat ({@code ui/reading-circle.js}, {@code ui/round-robin.js}, with their own
 * English and French catalogues in {@code ui/i18n/}).
 *
 * <p>Lifecycle as {@link CommonsModule}: {@link #start} registers the durable turn time-outs' handler first, then
 * builds the kinds and routes over the context's services; {@link #stop} drops them. No own threads, no static state.
 */
@Extension
public class LiteratureModule implements CommonsModule {

    /** Setting: how long a round-robin turn lasts, in seconds; coordinators may change it for their city. */
    public static final String TURN_SECONDS = "turn-seconds";

    /** Setting: the longest contribution of one turn, in characters. */
    public static final String MAX_TURN_CHARS = "max-turn-chars";

    private volatile ReadingCircle circles;
    private volatile RoundRobin stories;
    private volatile HttpHandler http;
    private volatile Clock clock;

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("Literature")
                .description("Reading circles with spoiler-safe threads per chapter, and round-robin stories "
                        + "written turn by turn.")
                .fields("literature")
                .roomKind(ReadingCircle.ID, "Reading circle", "Read a book together, chapter by chapter; each "
                        + "chapter's thread opens when you reach it.", "ui/reading-circle.js",
                        "ccc-literature-reading-circle")
                .roomKind(RoundRobin.ID, "Round-robin story", "Write a story in turns; it grows into a text work.",
                        "ui/round-robin.js", "ccc-literature-round-robin")
                .permissions(Permission.STORAGE, Permission.HTTP_ROUTES, Permission.ROOMS_WRITE,
                        Permission.WORKS_WRITE)
                .setting(SettingDefinition.integer(TURN_SECONDS, 300,
                        "How long a round-robin turn lasts, in seconds, before it passes to the next person.")
                        .withRange(1, 7 * 24 * 3600).changeableByCityCoordinators())
                .setting(SettingDefinition.integer(MAX_TURN_CHARS, 4000,
                        "The longest contribution of one round-robin turn, in characters.")
                        .withRange(100, 20_000))
                .build();
    }

    @Override
    public void start(ModuleContext ctx) {
        ctx.timers().onDurable(this::delivered);
        ReadingCircle circle = new ReadingCircle(ctx.storage(), null);
        RoundRobin story = new RoundRobin(ctx.storage(), ctx.works(), ctx.timers(),
                city -> city.isEmpty() ? ctx.settings() : ctx.settings().forCity(city), ctx.logger());
        this.clock = ctx.clock();
        this.circles = circle;
        this.stories = story;
        this.http = new LiteratureRoutes(circle, story, story::rooms, ctx.clock()).handler();
    }

    /** A turn's time-out: {@code {"room", "turn"}}. */
    private void delivered(DurableTimer timer) {
        RoundRobin story = stories;
        if (story == null || !timer.name().startsWith("turn:")) {
            return;
        }
        var payload = Documents.parse(timer.payload());
        story.timedOut(payload.getString("room"), payload.getJsonNumber("turn").longValue(),
                clock.instant());
    }

    @Override
    public void stop() {
        circles = null;
        stories = null;
        http = null;
    }

    @Override
    public Optional<HttpHandler> http() {
        return Optional.ofNullable(http);
    }

    @Override
    public List<RoomKind> roomKinds() {
        ReadingCircle circle = circles;
        RoundRobin story = stories;
        return circle == null || story == null ? List.of() : List.of(circle, story);
    }
}
