package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import org.creativecities.plugin.api.http.Routes;

/**
 * The REST routes of the plugins running now, as their {@link Routes} tables document them, with each plugin's
 * name and description in English (its message bundles, else its {@code ModuleInfo}): what the OpenAPI document
 * publishes under the plugin's name. Read on every call, so a plugin started, stopped, installed, upgraded or
 * uninstalled is reflected at once.
 */
@ApplicationScoped
public class PluginRouteCatalogue {

    /**
     * One running plugin's documented routes.
     *
     * @param pluginId    the id, as in {@code /api/plugins/{pluginId}}
     * @param name        its name in English
     * @param description its description in English
     * @param routes      its routes; empty when its handler is not a {@link Routes}
     */
    public record PluginRoutes(String pluginId, String name, String description, List<Routes.Route> routes) {
    }

    @Inject
    private PluginRegistry registry;

    @Inject
    private PluginTexts texts;

    /** Every running plugin that serves routes, by id. */
    public List<PluginRoutes> running() {
        return registry.runningPlugins().stream().filter(rt -> rt.code().servesHttp())
                .sorted(Comparator.comparing(PluginRuntime::pluginId))
                .map(rt -> {
                    PluginTexts.Texts t = texts.of(rt.pluginId(), RequestedLanguages.ENGLISH);
                    return new PluginRoutes(rt.pluginId(), t.name(rt.info().name()),
                            t.description(rt.info().description()), rt.code().documentedRoutes());
                }).toList();
    }
}
