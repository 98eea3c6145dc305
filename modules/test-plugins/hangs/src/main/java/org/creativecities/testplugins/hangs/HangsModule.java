package org.creativecities.testplugins.hangs;

import java.util.Optional;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.http.HttpResponse;
import org.creativecities.plugin.api.http.Routes;
import org.pf4j.Extension;

/** A plugin with a route that never answers (it sleeps until interrupted) and one that does. */
@Extension
public class HangsModule implements CommonsModule {

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("Hangs").permissions(Permission.HTTP_ROUTES).build();
    }

    @Override
    public void start(ModuleContext context) {
        context.logger().info("hangs started");
    }

    @Override
    public void stop() {
        // nothing to release
    }

    @Override
    public Optional<HttpHandler> http() {
        return Optional.of(Routes.builder()
                .get("/ping", r -> HttpResponse.text(200, "pong"))
                .get("/hang", r -> {
                    Thread.sleep(600_000);
                    return HttpResponse.text(200, "woke up");
                })
                .build());
    }
}
