package org.creativecities.testplugins.undeclaredpermission;

import java.util.Optional;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.http.HttpResponse;
import org.creativecities.plugin.api.http.Routes;
import org.pf4j.Extension;

/** Declares only http.routes, then uses storage and member lookups: the host must refuse those calls. */
@Extension
public class UndeclaredPermissionModule implements CommonsModule {

    private volatile ModuleContext context;

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("Undeclared permission").permissions(Permission.HTTP_ROUTES).build();
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
                .get("/ping", r -> HttpResponse.text(200, "pong"))
                .get("/storage", r -> {
                    context.storage().put(StorageScope.global(), "k", "v");
                    return HttpResponse.text(200, "stored");
                })
                .get("/members", r -> HttpResponse.ok(context.members().displayName(1).orElse("")))
                .build());
    }
}
