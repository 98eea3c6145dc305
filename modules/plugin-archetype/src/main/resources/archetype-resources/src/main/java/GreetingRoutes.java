package ${package};

import java.util.Map;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.PluginSettings;
import org.creativecities.plugin.api.http.HttpRequest;
import org.creativecities.plugin.api.http.HttpResponse;
import org.creativecities.plugin.api.http.Routes;

/** The plugin's REST routes, under /api/plugins/{pluginId}/ and /api/plugins/{pluginId}/cities/{slug}/. */
final class GreetingRoutes {

    /** The setting the greeting route answers. */
    static final String GREETING = "greeting";

    private final ModuleContext context;

    GreetingRoutes(ModuleContext context) {
        this.context = context;
    }

    Routes routes() {
        return Routes.builder().get("/hello", this::hello).build();
    }

    /** The greeting: the city's own if the request is city-scoped and the city set one, else the global one. */
    private HttpResponse hello(HttpRequest request) {
        PluginSettings settings = request.citySlug().map(context.settings()::forCity).orElse(context.settings());
        return HttpResponse.ok(Map.of("plugin", context.pluginId(), "greeting", settings.getString(GREETING),
                "city", request.citySlug().orElse("")));
    }
}
