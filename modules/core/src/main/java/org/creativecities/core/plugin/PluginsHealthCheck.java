package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The plugins' health in {@code /health} (and {@code /health/live}): one entry per plugin,
 * {@code ok | degraded | failed | disabled}, the cities where it is suspended, and the last error (these details
 * are for administrators: see {@code MonitoringAccessFilter}). The check itself always reports UP: like
 * Jenkins' and Mattermost's plugin managers, a failing plugin is the administrator's business (it is
 * isolated and auto-disabled) and must never make an orchestrator restart or drain the platform.
 */
@Liveness
@ApplicationScoped
public class PluginsHealthCheck implements HealthCheck {

    @Inject
    private PluginRegistry registry;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("plugins");
        try {
            registry.list().forEach(p -> response.withData(p.id(), p.health()
                    + (p.suspendedIn().isEmpty() ? "" : ", suspended in " + String.join(", ", p.suspendedIn()))
                    + (p.lastError() == null ? "" : " (last error: " + p.lastError() + ")")));
        } catch (RuntimeException e) {
            response.withData("host", "not started: " + e.getMessage());
        }
        return response.up().build();
    }
}
