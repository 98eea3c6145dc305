/**
 * The database: the application's data source, schema migrations (Flyway) and the JPA unit. The schema
 * is only ever changed by migrations, written in SQL that runs on H2 and PostgreSQL alike.
 */
package org.creativecities.core.platform.persistence;
