/**
 * The member-city catalogue: creative fields, cities and their designation history, the seed import,
 * network statistics, and the administration of cities.
 *
 * <p>{@link org.creativecities.core.city.City} is the aggregate. Fields are data
 * ({@link org.creativecities.core.city.CreativeField}), so a new field such as Architecture (2025) is a
 * row, not a release. Facts about a city's community (members, coordinators) belong to the
 * {@code membership} context, which this package reaches only through
 * {@link org.creativecities.core.city.CommunityDirectory}.
 */
package org.creativecities.core.city;
