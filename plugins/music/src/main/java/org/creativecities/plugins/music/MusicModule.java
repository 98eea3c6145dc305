package org.creativecities.plugins.music;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.PluginSettings;
import org.creativecities.plugin.api.SettingDefinition;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.room.RoomKind;
import org.pf4j.Extension;

/**
 * The music plugin's module: the {@code listening-room} room kind (a shared, voted queue that everyone hears in
 * step, advancing by itself on a durable timer), its routes (a city's rules for tracks, uploads of audio files
 * through the media store), the {@code playlist} work kind (versioned, licensed and forkable by the core), and
 * their browser UI ({@code ui/listening-room.js}, {@code ui/playlist.js}) with English and French catalogues.
 *
 * <p>Lifecycle as {@link CommonsModule}: {@link #start} registers the timer handler first (stored timers are
 * delivered once start returns), then builds the kind and the routes over the context's services; {@link #stop}
 * drops them. No own threads, no static state.
 */
@Extension
public class MusicModule implements CommonsModule {

    /** Setting (coordinators may change it for their city): the hosts whose links may be queued. */
    public static final String ALLOWED_HOSTS = "allowed-hosts";

    /** Setting: the longest track, in seconds. */
    public static final String MAX_TRACK_SECONDS = "max-track-seconds";

    /** Setting: the most tracks that may wait in one room's queue. */
    public static final String MAX_QUEUE = "max-queue";

    private volatile HttpHandler http;
    private volatile ListeningRoom listeningRoom;

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("Music")
                .description("Listening rooms where a city's members queue tracks, vote them up and hear them "
                        + "together, in step; and shared playlists that other cities can remix.")
                .fields("music")
                .roomKind(ListeningRoom.ID, "Listening room",
                        "A shared queue of tracks that everyone hears at the same second.",
                        "ui/listening-room.js", "ccc-music-listening-room")
                .workKind("playlist", "Playlist", "An ordered list of tracks with their links and lengths.",
                        "schemas/playlist.json", "ui/playlist.js", "ccc-music-playlist")
                .permissions(Permission.STORAGE, Permission.MEMBERS_READ, Permission.HTTP_ROUTES, Permission.FILES,
                        Permission.ROOMS_WRITE)
                .setting(SettingDefinition.list(ALLOWED_HOSTS, List.of("archive.org", "freemusicarchive.org"),
                        "The hosts whose links members may add to a queue (subdomains included).")
                        .withPattern("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")
                        .withRange(0, 100).changeableByCityCoordinators())
                .setting(SettingDefinition.integer(MAX_TRACK_SECONDS, 1200,
                        "The longest track a queue takes, in seconds.").withRange(1, 7200))
                .setting(SettingDefinition.integer(MAX_QUEUE, 100,
                        "The most tracks that may wait in one listening room's queue.").withRange(1, 500))
                .build();
    }

    @Override
    public void start(ModuleContext ctx) {
        Function<Optional<String>, PluginSettings> settings =
                city -> city.map(c -> ctx.settings().forCity(c)).orElse(ctx.settings());
        FileDurations durations = new FileDurations(ctx.storage());
        ListeningRoom kind = new ListeningRoom(ctx.storage(), new TrackSources(settings, ctx::files, durations),
                new TrackTimers(ctx::timers, ctx.logger()), settings, ctx.clock());
        ctx.timers().onDurable(timer -> kind.advance(TrackTimers.roomOf(timer)));
        this.listeningRoom = kind;
        this.http = new MusicRoutes(ctx::files, ctx::members, c -> ctx.settings().forCity(c), durations).handler();
        ctx.logger().info("music plugin started");
    }

    @Override
    public void stop() {
        http = null;
        listeningRoom = null;
    }

    @Override
    public Optional<HttpHandler> http() {
        return Optional.ofNullable(http);
    }

    @Override
    public List<RoomKind> roomKinds() {
        ListeningRoom kind = listeningRoom;
        return kind == null ? List.of() : List.of(kind);
    }
}
