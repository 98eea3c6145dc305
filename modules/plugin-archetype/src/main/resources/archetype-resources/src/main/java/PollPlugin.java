package ${package};

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
 * The plugin's entry point: what it offers (a poll room kind, a greeting route and its setting) and the wiring of
 * its parts to the host's services on start.
 */
@Extension
public class PollPlugin implements CommonsModule {

    /** The id of the plugin, as in its manifest (plugin.id in the pom). */
    public static final String ID = "${pluginId}";

    private volatile ModuleContext context;

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("${pluginId}")
                .description("A poll room and a greeting route, made with the plugin archetype.")
                .permissions(Permission.STORAGE, Permission.HTTP_ROUTES)
                .setting(SettingDefinition.string(GreetingRoutes.GREETING, "Hello",
                        "What the greeting route answers").withRange(1, 100))
                .roomKind(PollRoom.ID, "Poll", "Members vote yes or no until the room's creator closes the poll.",
                        "ui/poll.js", "ccc-" + ID + "-poll")
                .build();
    }

    @Override
    public void start(ModuleContext moduleContext) {
        this.context = moduleContext;
        moduleContext.logger().info("plugin " + ID + " started");
    }

    @Override
    public void stop() {
        this.context = null;
    }

    @Override
    public Optional<HttpHandler> http() {
        return Optional.of(new GreetingRoutes(context).routes());
    }

    @Override
    public List<RoomKind> roomKinds() {
        return List.of(new PollRoom(context.storage()));
    }
}
