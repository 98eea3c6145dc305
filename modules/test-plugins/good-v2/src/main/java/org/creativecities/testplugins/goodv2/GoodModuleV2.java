package org.creativecities.testplugins.goodv2;

import java.util.Map;
import java.util.Optional;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.SettingDefinition;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.http.HttpResponse;
import org.creativecities.plugin.api.http.Routes;
import org.pf4j.Extension;

/** Version 2 of the good test plugin: same id, a changed greeting route. */
@Extension
public class GoodModuleV2 implements CommonsModule {

    private volatile ModuleContext context;

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("Good test plugin, version 2")
                .permissions(Permission.HTTP_ROUTES, Permission.STORAGE)
                .setting(SettingDefinition.string("greeting", "Hello again", "How the plugin greets.").withRange(1, 40))
                .build();
    }

    @Override
    public void start(ModuleContext ctx) {
        this.context = ctx;
    }

    @Override
    public void stop() {
        context = null;
    }

    @Override
    public Optional<HttpHandler> http() {
        return Optional.of(Routes.builder()
                .get("/hello", r -> HttpResponse.ok(Map.of("plugin", context.pluginId(),
                        "version", context.pluginVersion(), "greeting", context.settings().getString("greeting"),
                        "generation", 2)))
                .build());
    }
}
