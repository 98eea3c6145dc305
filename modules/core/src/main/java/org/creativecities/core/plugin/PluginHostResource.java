package org.creativecities.core.plugin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import org.creativecities.core.identity.AdminOnly;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.web.QueryParser;
import org.creativecities.core.plugin.PluginDtos.HostDiagnostics;
import org.creativecities.plugin.api.PluginApi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The plugin host's own numbers, to watch for leaks (class count, heap, threads, plugin class loaders). */
@Path("admin/plugin-host")
@Tag(name = "Plugins (admin)")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@AdminOnly
public class PluginHostResource {

    @Inject
    private PluginRegistry registry;

    @Inject
    private PluginSupervisor supervisor;

    @Inject
    private Caller caller;

    @GET
    @Operation(summary = "Plugin host diagnostics", description = "Loaded classes, heap, threads and the plugin class "
            + "loaders not yet collected. gc=true runs a full garbage collection first (slow; for leak checks).")
    @APIResponse(responseCode = "200", description = "The numbers",
            content = @Content(schema = @Schema(ref = "HostDiagnostics")))
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public HostDiagnostics diagnostics(@QueryParam("gc") String gc) {
        caller.requireAdmin();
        QueryParser p = new QueryParser();
        boolean collect = p.optionalBoolean("gc", gc).orElse(false);
        p.check();
        if (collect) {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
        }
        var classes = ManagementFactory.getClassLoadingMXBean();
        return new HostDiagnostics(PluginApi.VERSION, String.valueOf(registry.pluginsDir()), classes.getLoadedClassCount(),
                classes.getTotalLoadedClassCount(), classes.getUnloadedClassCount(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                ManagementFactory.getThreadMXBean().getThreadCount(), supervisor.workerThreads(),
                registry.classLoadersAlive(), registry.loadedPlugins());
    }
}
