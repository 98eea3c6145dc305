/**
 * The one seam between the core and the cluster of nodes: {@link org.creativecities.core.platform.cluster.Cluster}
 * (best-effort topics, shared maps with a time to live, the nodes in the cluster and their departures). With
 * {@code ccc.cluster.mode=none} it is {@link org.creativecities.core.platform.cluster.LocalCluster}, one node in
 * memory; otherwise {@link org.creativecities.core.platform.cluster.HazelcastCluster} over the Hazelcast member
 * Payara Micro starts ({@code payara/Hazelcast}). No other code of the core imports Hazelcast
 * ({@code ArchitectureTest}).
 *
 * <p>Nothing here is a source of truth: the database is. Topics may drop or reorder messages, and a shared map
 * loses what a dead node held that had no backup; callers stay correct without them (the live engine reads the
 * database on a gap, and sweeps).
 */
package org.creativecities.core.platform.cluster;
