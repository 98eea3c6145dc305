/**
 * The PostgreSQL lane: the packaged server on PostgreSQL ({@code ccc.db.url=jdbc:postgresql://...}), run when
 * {@code -Dccc.it.postgresql.url} names a server ({@code .ci/run} starts one); see
 * {@link org.creativecities.app.testkit.PostgresDatabase}.
 */
package org.creativecities.app.postgresql;
