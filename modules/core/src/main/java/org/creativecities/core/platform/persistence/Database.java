package org.creativecities.core.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the application's pooled data source. URL, user and password come from MicroProfile Config
 * ({@code ccc.db.*}); Payara resolves the {@code MPCONFIG} references when the pool is created.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "org.h2.jdbcx.JdbcDataSource",
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
