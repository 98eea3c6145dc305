package org.creativecities.testplugins.files;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.http.HttpRequest;
import org.creativecities.plugin.api.http.HttpResponse;
import org.creativecities.plugin.api.http.Routes;
import org.pf4j.Extension;

/**
 * Stores, finds and deletes files through {@link ModuleContext#files()}. {@code POST /files?name=&type=} stores the
 * request's body and lets a refused file's {@link org.creativecities.plugin.api.PluginFileException} go, so that the
 * core answers it as the caller's bad input.
 */
@Extension
public class FilesModule implements CommonsModule {

    private volatile ModuleContext context;

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("Files test plugin")
                .description("Stores files in the core's media store.")
                .permissions(Permission.FILES, Permission.HTTP_ROUTES)
                .build();
    }

    @Override
    public void start(ModuleContext moduleContext) {
        this.context = moduleContext;
    }

    @Override
    public void stop() {
        this.context = null;
    }

    @Override
    public Optional<HttpHandler> http() {
        return Optional.of(Routes.builder()
                .post("/files", this::store)
                .get("/files/{id}", r -> context.files().find(r.pathParam("id").orElseThrow())
                        .map(HttpResponse::ok)
                        .orElseGet(() -> HttpResponse.problem(404, "No such file", "No media with that id.")))
                .delete("/files/{id}", r -> context.files().delete(r.pathParam("id").orElseThrow())
                        ? HttpResponse.noContent()
                        : HttpResponse.problem(404, "Not ours", "No file of this plugin with that id."))
                .build());
    }

    private HttpResponse store(HttpRequest request) {
        return HttpResponse.json(201, context.files().store(request.queryParam("name").orElse(null),
                request.queryParam("type").orElse("application/octet-stream"),
                new ByteArrayInputStream(request.body())));
    }
}
