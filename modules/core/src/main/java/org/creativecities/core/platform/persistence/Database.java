package org.creativecities.core.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the application's pooled data source. URL, user and password come from MicroProfile Config
 * ({@code ccc.db.*}); Payara resolves the {@code MPCONFIG} references when the pool is created. The data source
 * class follows the URL: H2's ({@code jdbc:h2:}, shipped with Payara Micro) or PostgreSQL's
 * ({@code jdbc:postgresql:}, the driver in the distribution's {@code lib/}). The launcher publishes it as
 * {@code ccc.db.datasource-class}: H2's driver or PostgreSQL's non-XA data source, so that transactions are local
 * (see {@code org.creativecities.config.DatabaseKind}).
 *
 * <p>The pool's settings come from the live engine's profile (docs/benchmarks.md): each connection keeps its 64 most
 * recently used prepared statements (the database parsed every statement again, a tenth of a live post's CPU on H2),
 * and a connection is validated when it is handed out at most once every 10 s (it was validated at every
 * transaction), which still finds the connections a restarted database server has closed.
 * {@code statement-cache-type} is blank, for Payara's least-recently-used cache: left out, Payara reads it as a class
 * named "null" and caches nothing.
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
            "fish.payara.connection-validation-method=auto-commit",
            "fish.payara.validate-atmost-once-period-in-seconds=10",
            "fish.payara.statement-cache-size=64",
            "fish.payara.statement-cache-type= "
        })
@ApplicationScoped
public class Database {

    /** Where the data source is bound. */
    public static final String JNDI_NAME = "java:app/jdbc/ccc";
}
