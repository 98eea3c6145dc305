package org.creativecities.core.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.creativecities.core.platform.Bootstrap;
import org.creativecities.core.platform.persistence.Database;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once start-up finished and the database answers a query. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = Database.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Bootstrap bootstrap;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database").withData("startup", bootstrap.state().name());
        if (!bootstrap.isReady()) {
            return response.down().build();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return response.withData("product", c.getMetaData().getDatabaseProductName()).up().build();
        } catch (SQLException e) {
            return response.withData("error", e.getMessage()).down().build();
        }
    }
}
