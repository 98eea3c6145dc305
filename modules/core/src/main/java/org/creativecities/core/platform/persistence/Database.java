package org.creativecities.core.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the application's pooled data source. URL, user and password come from MicroProfile Config
 * ({@code ccc.db.*}); Payara resolves the {@code MPCONFIG} references when the pool is created. The data source
 * class follows the URL: H2's ({@code jdbc:h2:}, shipped with Payara Micro) or PostgreSQL's
 * ({@code jdbc:postgresql:}, the driver in the distribution's {@code lib/}). The launcher publishes it as
 * {@code ccc.db.datasource-class} (see {@code org.creativecities.config.DatabaseKind}).
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "${MPCONFIG=ccc.db.datasource-class}",
        url = "${MPCONFIG=ccc.db.url}",
        user = "${MPCONFIG=ccc.db.user}",
        password = "${MPCONFIG=ccc.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit"
        })
@ApplicationScoped
public class Database {

    /** Where the data source is bound. */
    public static final String JNDI_NAME = "java:app/jdbc/ccc";
}
