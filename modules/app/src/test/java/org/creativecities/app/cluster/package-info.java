/**
 * Several packaged nodes on one PostgreSQL, joined by Payara Micro's clustering ({@code ccc.cluster.mode=tcpip}),
 * run when {@code -Dccc.it.postgresql.url} names a server; see {@link org.creativecities.app.testkit.PostgresDatabase}.
 */
package org.creativecities.app.cluster;
