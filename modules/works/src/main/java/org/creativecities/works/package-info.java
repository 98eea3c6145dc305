/**
 * Works: digital content that people of several cities make together (the network's first pillar,
 * "transforming content"). A work has authors, an immutable history of versions, a licence chosen at
 * publication, and a remix lineage across cities. This context builds on the core's identity, cities, spaces and
 * live rooms; the core never depends on it.
 */
package org.creativecities.works;
