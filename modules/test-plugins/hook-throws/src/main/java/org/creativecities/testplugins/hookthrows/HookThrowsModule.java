package org.creativecities.testplugins.hookthrows;

import java.util.Optional;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.hook.EventListener;
import org.creativecities.plugin.api.hook.JoinHook;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.http.HttpResponse;
import org.pf4j.Extension;

/** A plugin whose join hook and event listener always throw; its one route works. */
@Extension
public class HookThrowsModule implements CommonsModule {

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("Hook throws")
                .permissions(Permission.HOOKS, Permission.EVENTS, Permission.HTTP_ROUTES)
                .build();
    }

    @Override
    public void start(ModuleContext context) {
        context.logger().info("hook-throws started");
    }

    @Override
    public void stop() {
        // nothing to release
    }

    @Override
    public Optional<HttpHandler> http() {
        return Optional.of(r -> HttpResponse.text(200, "pong"));
    }

    @Override
    public Optional<JoinHook> joinHook() {
        return Optional.of(attempt -> {
            throw new IllegalStateException("join hook fails on purpose");
        });
    }

    @Override
    public Optional<EventListener> events() {
        return Optional.of(event -> {
            throw new IllegalStateException("listener fails on purpose for " + event.getClass().getSimpleName());
        });
    }
}
