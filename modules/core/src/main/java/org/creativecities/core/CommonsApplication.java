package org.creativecities.core;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API, rooted at {@code /api}. Resources and providers are discovered by CDI. Jersey's WADL is off: it
 * named the container and its version, and listed every resource (plugin routes included) to anyone.
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(
        title = "Creative Cities Commons API",
        version = "1.0",
        description = "Member cities of the UNESCO Creative Cities Network, their communities, live rooms and plugins."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A token from POST /api/sessions.")
public class CommonsApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
